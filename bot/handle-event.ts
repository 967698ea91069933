/**
 * One LINE webhook event → at most one reply (with the event's reply token; replies are free).
 *
 * Who is writing is decided on every event from the database, never from the event's content:
 * active staff get staff answers (commands and buttons); everyone else is a bound client (their
 * own portal card; a photo they send is a payment slip, chat/client-slip.ts) or a stranger (how
 * to open their link). Only `enrol CODE` is open to all.
 * Staff data is answered only in a one-to-one chat: a group may hold people who are not staff.
 */
import type { AppContext } from '../server/services/context.ts';
import type { Logger } from '../server/logger.ts';
import { findActiveStaff, rememberStaffLanguage } from '../server/services/staff-directory.ts';
import { enrolStaff } from '../server/services/staff-enrolment.ts';
import { isDomainError } from '../server/domain/errors.ts';
import type { Lang } from './flex/format.ts';
import type { LineMessenger } from './line-api.ts';
import { MAX_MESSAGES_PER_REQUEST } from './line-api.ts';
import { eventIdOf, lineEventSchema, type LineEvent } from './webhook/line-event.ts';
import type { Claim } from './webhook/inbox.ts';
import { domainErrorAnswer, textMessage, type Answer } from './commands/answers.ts';
import { parseCommand } from './commands/parse-command.ts';
import { runStaffCommand } from './commands/staff-commands.ts';
import { runStaffPostback } from './commands/staff-postbacks.ts';
import type { StaffContext } from './commands/staff-actions.ts';
import type { ClientMessaging } from './commands/client-messaging.ts';
import { boundCustomerId, recordFollowState } from '../server/services/line-users.ts';
import { enrolmentAnswer, strangerAnswer, yourPortalAnswer } from './chat/client-chat.ts';
import { clientSlipAnswer, clientSlipChoiceAnswer, type SlipChatDeps } from './chat/client-slip.ts';
import { decodePostback, PB } from './flex/postback.ts';
import type { LineMessageContent } from '../server/services/ports.ts';

export interface BotDeps {
  ctx: AppContext;
  line: LineMessenger;
  messaging: ClientMessaging;
  logger: Logger;
  /** What clients send (slip photos). */
  content: LineMessageContent;
  recordedEvent: SlipChatDeps['recordedEvent'];
}

async function clientOrStrangerAnswer(deps: BotDeps, userId: string): Promise<Answer> {
  const customerId = await boundCustomerId(deps.ctx, userId);
  return customerId ? yourPortalAnswer(deps.ctx, customerId) : strangerAnswer();
}

/** Staff work with the use cases' expected failures turned into answers in their language. */
async function asStaff(lang: Lang, run: () => Promise<Answer>): Promise<Answer> {
  try {
    return await run();
  } catch (error) {
    const answer = domainErrorAnswer(lang, error);
    if (answer) return answer;
    throw error;
  }
}

/** A bound client's photo is a slip ("I have paid"); a stranger's gets the usual answer. */
async function clientImageAnswer(deps: BotDeps, event: LineEvent, eventId: string, userId: string): Promise<Answer> {
  const customerId = await boundCustomerId(deps.ctx, userId);
  if (!customerId || !event.message?.id) return clientOrStrangerAnswer(deps, userId);
  return clientSlipAnswer(deps, customerId, { eventId, messageId: event.message.id });
}

async function answerMessage(deps: BotDeps, event: LineEvent, eventId: string, userId: string): Promise<Answer> {
  const { ctx } = deps;
  const text = event.message?.type === 'text' ? (event.message.text ?? '') : null;
  const command = text !== null ? parseCommand(text) : null;
  const staff = await findActiveStaff(ctx, userId);

  if (command?.kind === 'enrol' && (staff || command.code.trim() !== '')) {
    const result = await enrolStaff(ctx, { code: command.code, lineUserId: userId, displayName: await deps.line.displayName(userId) });
    return enrolmentAnswer(result);
  }
  if (!staff) return event.message?.type === 'image' ? clientImageAnswer(deps, event, eventId, userId) : clientOrStrangerAnswer(deps, userId);

  const lang: Lang = (command && command.kind !== 'empty' ? command.lang : null) ?? staff.language;
  if (lang !== staff.language) await rememberStaffLanguage(ctx, staff.id, lang);
  const s: StaffContext = { ctx, messaging: deps.messaging, staff, lang };
  // A sticker or a photo from staff: show what the bot can do.
  return asStaff(lang, () => runStaffCommand(s, command ?? { kind: 'help', lang }));
}

async function answerPostback(deps: BotDeps, event: LineEvent, userId: string): Promise<Answer> {
  // Re-checked on every press: a removed staff member's old buttons do nothing.
  const staff = await findActiveStaff(deps.ctx, userId);
  if (!staff) {
    const data = decodePostback(event.postback?.data ?? '');
    const customerId = data['a'] === PB.clientSlip ? await boundCustomerId(deps.ctx, userId) : null;
    return customerId ? clientSlipChoiceAnswer(deps, customerId, userId, data) : clientOrStrangerAnswer(deps, userId);
  }
  const s: StaffContext = { ctx: deps.ctx, messaging: deps.messaging, staff, lang: staff.language };
  return asStaff(staff.language, () => runStaffPostback(s, event.postback?.data ?? ''));
}

async function answerEvent(deps: BotDeps, event: LineEvent, eventId: string): Promise<Answer> {
  const userId = event.source?.type === 'user' ? event.source.userId : undefined;
  if (!userId) return [];
  switch (event.type) {
    case 'follow':
      await recordFollowState(deps.ctx, { lineUserId: userId, following: true, at: new Date(event.timestamp) });
      if (await findActiveStaff(deps.ctx, userId)) return [textMessage('ยินดีต้อนรับกลับ พิมพ์ "ช่วยเหลือ"\nWelcome back. Type "help".')];
      return clientOrStrangerAnswer(deps, userId);
    case 'unfollow':
      await recordFollowState(deps.ctx, { lineUserId: userId, following: false, at: new Date(event.timestamp) });
      return [];
    case 'message':
      return answerMessage(deps, event, eventId, userId);
    case 'postback':
      return answerPostback(deps, event, userId);
    default:
      return [];
  }
}

function apology(): Answer {
  return [textMessage('ขออภัย ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง\nSorry, something went wrong on our side. Please try again.')];
}

/**
 * Handles one recorded event. A reply that LINE refuses (token expired after a long outage,
 * or already used) is logged, not retried: the work is done and a second answer must not go out.
 */
export async function handleLineEvent(deps: BotDeps, raw: unknown, claim: Claim): Promise<{ note?: string } | undefined> {
  const parsed = lineEventSchema.safeParse(raw);
  if (!parsed.success) return { note: 'not a LINE event this bot understands; skipped' };
  const event = parsed.data;
  let answer: Answer;
  try {
    answer = await answerEvent(deps, event, eventIdOf(raw));
  } catch (error) {
    if (isDomainError(error)) {
      // Expected failures outside staff work (staff get theirs as answers): retrying changes nothing.
      deps.logger.warn({ eventId: event.webhookEventId, code: error.code, err: error.message }, 'LINE event not answered normally');
      answer = apology();
    } else {
      // Retried later (another attempt may succeed: a locked database, a restart); the last attempt apologises.
      if (claim.lastAttempt && event.replyToken) await deps.line.reply(event.replyToken, apology()).catch(() => undefined);
      throw error;
    }
  }
  if (answer.length === 0 || !event.replyToken) return;
  try {
    await deps.line.reply(event.replyToken, answer.slice(0, MAX_MESSAGES_PER_REQUEST));
  } catch (error) {
    deps.logger.warn({ eventId: event.webhookEventId, err: error instanceof Error ? error.message : String(error) }, 'LINE reply not delivered');
    return { note: `reply not delivered: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000) };
  }
}
