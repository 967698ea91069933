/**
 * Staff actions shared by typed commands and button presses: portal links, sending to the
 * client, reminders, overdue lists, job stages and revoking links. Each calls a use case and
 * turns its result (or its DomainError) into messages in the staff member's language.
 */
import type { AppContext } from '../../server/services/context.ts';
import type { StaffMember } from '../../server/services/staff-directory.ts';
import { issuePortalLink, revokeCustomerLinks } from '../../server/services/links.ts';
import { moveJobStage } from '../../server/services/jobs.ts';
import {
  countActiveLinks,
  describeLinkSubject,
  getCustomerName,
  getJobForStaff,
  getLinkTarget,
  listOverdueInvoices,
  listOwingInvoices,
  type JobForStaff,
} from '../../server/services/staff-queries.ts';
import { bangkokDate } from '../../server/domain/dates.ts';
import { isWithinSendingWindow } from '../../server/domain/reminder-schedule.ts';
import { isDomainError } from '../../server/domain/errors.ts';
import { STAGE_BUTTON_LABELS, STAGE_LABELS, type JobStage } from '../../server/domain/job-stages.ts';
import type { LinkScope } from '../../server/domain/link-rules.ts';
import { confirmCard, linkCard, linkCopyMessage, OVERDUE_LIST_MAX_ROWS, overdueList, stageChooser } from '../flex/staff-messages.ts';
import { pick, type Lang } from '../flex/format.ts';
import { PB } from '../flex/postback.ts';
import { staffErrorText, staffMenu, textMessage, withQuickReplies, type Answer } from './answers.ts';
import type { ClientChannel, ClientMessaging } from './client-messaging.ts';

export interface StaffContext {
  ctx: AppContext;
  messaging: ClientMessaging;
  staff: StaffMember;
  lang: Lang;
}

/** Recorded as `changedBy` / `createdBy` / `requestedBy`: which staff member, through LINE. */
export function actorLabel(staff: StaffMember): string {
  return `line-staff:${staff.id}`;
}

const CHANNEL_NAMES: Record<ClientChannel, [string, string]> = { line: ['LINE', 'LINE'], email: ['อีเมล', 'email'], sms: ['SMS', 'SMS'] };
const channelName = (lang: Lang, channel: ClientChannel) => pick(lang, ...CHANNEL_NAMES[channel]);
const stageLabel = (lang: Lang, stage: JobStage) => STAGE_LABELS[stage][lang];

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/** Issues (or reuses) the link and answers with the link card ([send to client]) and the bare URL to forward. */
export async function linkAnswer(s: StaffContext, scope: LinkScope, id: string): Promise<Answer> {
  const link = await issuePortalLink(s.ctx, { scope, id, createdBy: actorLabel(s.staff) });
  const subject = await describeLinkSubject(s.ctx, {
    customerId: link.customerId,
    scope,
    quoteId: scope === 'quote' ? id : null,
    invoiceId: scope === 'invoice' ? id : null,
  });
  // The LIFF URL opens the portal inside LINE (and binds the client's LINE account); it also works in a browser.
  const url = link.liffUrl ?? link.url;
  const channel = await s.messaging.channelFor(link.customerId);
  const card = linkCard({
    lang: s.lang,
    linkId: link.id,
    url,
    scope,
    customerName: subject.customerName,
    ...(subject.documentNumber ? { documentNumber: subject.documentNumber } : {}),
    expiresOn: bangkokDate(link.expiresAt),
    channel,
  });
  return withQuickReplies([card, linkCopyMessage(url)], staffMenu(s.lang));
}

/** [send to client]: sends the scope of the link that was shown (a fresh link if that one was revoked meanwhile). */
export async function sendLinkAnswer(s: StaffContext, linkId: string): Promise<Answer> {
  const target = await getLinkTarget(s.ctx, linkId);
  const name = await getCustomerName(s.ctx, target.customerId);
  const outcome = await s.messaging.sendPortalLink({ linkId, requestedBy: actorLabel(s.staff) });
  const via = channelName(s.lang, outcome.channel);
  const text = outcome.alreadyQueued
    ? pick(s.lang, `ลิงก์นี้ส่งให้ ${name} ทาง ${via} ไปแล้วเมื่อสักครู่ จึงไม่ส่งซ้ำ`, `This link was just sent to ${name} by ${via}; not sent again.`)
    : pick(s.lang, `ส่งลิงก์ให้ ${name} ทาง ${via} แล้ว`, `Link queued to ${name} by ${via}.`);
  return [textMessage(text, staffMenu(s.lang))];
}

// ---------------------------------------------------------------------------------------------
// Reminders and overdue invoices
// ---------------------------------------------------------------------------------------------

/** Said when a reminder is queued during quiet hours (reminder-schedule.ts): it waits for the morning. */
function quietHoursNote(s: StaffContext): string {
  if (isWithinSendingWindow(s.ctx.clock.now())) return '';
  return pick(
    s.lang,
    '\nลูกค้าจะได้รับเวลา 09:00 น. (ไม่ส่งแจ้งเตือนชำระเงินช่วง 20:00–09:00 น.)',
    '\nIt goes out at 09:00 (no payment reminders between 20:00 and 09:00).',
  );
}

export async function remindAnswer(s: StaffContext, invoiceId: string, invoiceNumber: string): Promise<Answer> {
  const outcome = await s.messaging.sendPaymentReminder({ invoiceId, requestedBy: actorLabel(s.staff) });
  const via = channelName(s.lang, outcome.channel);
  const text = outcome.alreadyQueued
    ? pick(s.lang, `ส่งแจ้งเตือน ${invoiceNumber} ไปแล้วเมื่อสักครู่ จึงไม่ส่งซ้ำ`, `A reminder for ${invoiceNumber} was just sent; not sent again.`)
    : pick(s.lang, `ส่งแจ้งเตือนชำระเงิน ${invoiceNumber} ทาง ${via} แล้ว`, `Payment reminder for ${invoiceNumber} queued by ${via}.`) + quietHoursNote(s);
  return [textMessage(text, staffMenu(s.lang))];
}

/** "Send payment reminder" on a customer card: one reminder per invoice still owed. */
export async function remindCustomerAnswer(s: StaffContext, customerId: string): Promise<Answer> {
  const name = await getCustomerName(s.ctx, customerId);
  const invoices = await listOwingInvoices(s.ctx, customerId);
  if (invoices.length === 0) return [textMessage(pick(s.lang, `${name} ไม่มียอดค้างชำระ`, `${name} owes nothing.`), staffMenu(s.lang))];
  const lines: string[] = [];
  for (const invoice of invoices) {
    try {
      const outcome = await s.messaging.sendPaymentReminder({ invoiceId: invoice.id, requestedBy: actorLabel(s.staff) });
      const via = channelName(s.lang, outcome.channel);
      lines.push(
        outcome.alreadyQueued
          ? pick(s.lang, `${invoice.number}: ส่งไปแล้วเมื่อสักครู่`, `${invoice.number}: already sent just now`)
          : `${invoice.number}: ${pick(s.lang, 'ส่งแล้วทาง', 'queued by')} ${via}`,
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      lines.push(`${invoice.number}: ${staffErrorText(s.lang, error)}`);
    }
  }
  return [
    textMessage(`${pick(s.lang, `แจ้งเตือนชำระเงิน ${name}`, `Payment reminders for ${name}`)}\n${lines.join('\n')}${quietHoursNote(s)}`, staffMenu(s.lang)),
  ];
}

/** One page of the overdue list (all customers, or one); the total is over every overdue invoice, and a button pages on. */
export async function overdueAnswer(s: StaffContext, customerId?: string, offset = 0): Promise<Answer> {
  const page = await listOverdueInvoices(s.ctx, { limit: OVERDUE_LIST_MAX_ROWS, offset, ...(customerId ? { customerId } : {}) });
  const nextOffset = offset + page.items.length;
  const list = overdueList(page.items, {
    lang: s.lang,
    totalCount: page.totalCount,
    totalDueSatang: page.totalDueSatang,
    offset,
    ...(nextOffset < page.totalCount ? { more: { a: PB.overdue, o: nextOffset, c: customerId ?? null } } : {}),
  });
  return withQuickReplies([list], staffMenu(s.lang));
}

// ---------------------------------------------------------------------------------------------
// Job stages
// ---------------------------------------------------------------------------------------------

function chooser(s: StaffContext, job: JobForStaff) {
  return stageChooser({
    lang: s.lang,
    jobId: job.id,
    jobNumber: job.number,
    jobTitle: job.title,
    currentStageLabel: stageLabel(s.lang, job.stage),
    currentStage: job.stage,
    stages: job.nextStages.map((key) => ({ key, label: stageLabel(s.lang, key), buttonLabel: STAGE_BUTTON_LABELS[key][s.lang] })),
  });
}

export async function stageChooserAnswer(s: StaffContext, ref: { id: string } | { number: string }, prefix?: string): Promise<Answer> {
  const job = await getJobForStaff(s.ctx, ref);
  const message = chooser(s, job);
  return prefix ? [{ ...message, text: `${prefix}\n\n${message.text}` }] : [message];
}

/**
 * Moves the job, but only from the stage staff saw (`expectedStage`): a button pressed twice,
 * or two staff moving the same job at once, move it once; the other gets told where it is now.
 */
export async function moveStageAnswer(s: StaffContext, jobId: string, stage: JobStage, expectedStage: JobStage): Promise<Answer> {
  try {
    const { job, from } = await moveJobStage(s.ctx, { jobId, stage, expectedStage, changedBy: actorLabel(s.staff) });
    const moved = pick(
      s.lang,
      `ย้ายงาน ${job.number} จาก "${stageLabel(s.lang, from)}" ไป "${stageLabel(s.lang, stage)}" แล้ว ลูกค้าเห็นสถานะใหม่ทันที`,
      `${job.number} moved from "${stageLabel(s.lang, from)}" to "${stageLabel(s.lang, stage)}". The client sees it now.`,
    );
    return stageChooserAnswer(s, { id: job.id }, moved);
  } catch (error) {
    if (!isDomainError(error, 'CONFLICT')) throw error;
    const job = await getJobForStaff(s.ctx, { id: jobId });
    const why =
      job.stage === stage
        ? pick(
            s.lang,
            `งาน ${job.number} อยู่ที่ "${stageLabel(s.lang, stage)}" แล้ว (มีคนย้ายไปก่อน) ไม่ได้ย้ายซ้ำ`,
            `${job.number} is already at "${stageLabel(s.lang, stage)}" (someone moved it first); nothing changed.`,
          )
        : job.stage !== expectedStage
          ? pick(
              s.lang,
              `งาน ${job.number} ถูกย้ายไป "${stageLabel(s.lang, job.stage)}" แล้ว จึงไม่ได้ย้ายไป "${stageLabel(s.lang, stage)}"`,
              `${job.number} was moved to "${stageLabel(s.lang, job.stage)}" meanwhile, so it was not moved to "${stageLabel(s.lang, stage)}".`,
            )
          : pick(
              s.lang,
              `ย้ายงาน ${job.number} ไป "${stageLabel(s.lang, stage)}" ไม่ได้: ${staffErrorText(s.lang, error)}`,
              `${job.number} cannot go to "${stageLabel(s.lang, stage)}": ${staffErrorText(s.lang, error)}`,
            );
    return stageChooserAnswer(s, { id: job.id }, why);
  }
}

// ---------------------------------------------------------------------------------------------
// Revoking links
// ---------------------------------------------------------------------------------------------

export async function revokeConfirmAnswer(s: StaffContext, customerId: string): Promise<Answer> {
  const name = await getCustomerName(s.ctx, customerId);
  const active = await countActiveLinks(s.ctx, customerId);
  if (active === 0) return [textMessage(pick(s.lang, `${name} ไม่มีลิงก์ที่ใช้งานอยู่`, `${name} has no active links.`), staffMenu(s.lang))];
  return [
    confirmCard({
      lang: s.lang,
      title: pick(s.lang, `ยกเลิกลิงก์ทั้งหมดของ ${name}?`, `Revoke all links of ${name}?`),
      body: pick(
        s.lang,
        `ลิงก์ที่ใช้งานอยู่ ${active} ลิงก์จะเปิดไม่ได้ทันที ส่งลิงก์ใหม่ได้ภายหลัง`,
        `${active} active link(s) stop working at once. You can send a new link later.`,
      ),
      confirm: { a: PB.revokeLinks, c: customerId },
      confirmLabel: pick(s.lang, 'ยกเลิกลิงก์', 'Revoke'),
      cancelLabel: pick(s.lang, 'ไม่ใช่', 'Keep them'),
      danger: true,
    }),
  ];
}

export async function revokeAnswer(s: StaffContext, customerId: string): Promise<Answer> {
  const name = await getCustomerName(s.ctx, customerId);
  const { revoked } = await revokeCustomerLinks(s.ctx, customerId);
  const text =
    revoked === 0
      ? pick(s.lang, `ลิงก์ของ ${name} ถูกยกเลิกไปแล้ว ไม่มีอะไรต้องทำเพิ่ม`, `${name}'s links were already revoked; nothing more to do.`)
      : pick(s.lang, `ยกเลิกลิงก์ของ ${name} แล้ว ${revoked} ลิงก์`, `Revoked ${revoked} link(s) of ${name}.`);
  return [textMessage(text, staffMenu(s.lang))];
}
