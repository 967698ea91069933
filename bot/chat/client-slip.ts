/**
 * A bound client sends a slip photo in chat: the portal's "I have paid" (portal/line-chat-slip.ts),
 * answered in the customer's language. With several balances due the bot asks which one with
 * quick replies; each carries the id of the image's webhook event (its inbox row holds the LINE
 * message id and who sent it), so nothing is stored until the client taps, and a tap is honoured
 * only from the same LINE user within CHOICE_TTL_MS. The image is fetched from LINE again then.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { AppContext } from '../../server/services/context.ts';
import type { LineMessageContent } from '../../server/services/ports.ts';
import { sendSlipFromLine, type OutstandingBalance } from '../../server/portal/line-chat-slip.ts';
import { getBusiness } from '../../server/services/business.ts';
import { getCustomerContact } from '../../server/services/staff-queries.ts';
import { isDomainError } from '../../server/domain/errors.ts';
import { DOCUMENT_KIND_LABELS, PAYMENT_STATUS_LABELS } from '../../server/domain/labels.ts';
import { groupedBaht, moneyText } from '../../server/domain/money-text.ts';
import { bubble, COLORS, flexMessage, header, keyAmount, row, separator, text, vbox } from '../flex/parts.ts';
import { clampText, MAX, pick, type Lang } from '../flex/format.ts';
import { PB } from '../flex/postback.ts';
import { postbackItem, textMessage, uriItem, type Answer } from '../commands/answers.ts';
import { lineEventSchema } from '../webhook/line-event.ts';

/** How long the "which one?" quick replies stay good: long enough to look it up, short enough that the image is still at LINE. */
export const CHOICE_TTL_MS = 60 * 60 * 1000;
/** LINE shows at most 13 quick replies. */
const MAX_CHOICES = 13;

export interface SlipChatDeps {
  ctx: AppContext;
  content: LineMessageContent;
  /** The recorded webhook event (bot/webhook/inbox.ts) a choice refers to. */
  recordedEvent(id: string): Promise<{ raw: unknown; receivedAt: Date } | null>;
}

interface Shop {
  name: string;
  phone: string | null;
}

async function shopOf(ctx: AppContext, lang: Lang): Promise<Shop | null> {
  try {
    const business = await getBusiness(ctx.db);
    return { name: pick(lang, business.name, business.nameEn || business.name), phone: business.phone?.replace(/[^\d+]/g, '') || null };
  } catch {
    return null;
  }
}

function contactItems(lang: Lang, shop: Shop | null): messagingApi.QuickReplyItem[] | undefined {
  return shop?.phone ? [uriItem(pick(lang, 'ติดต่อเรา', 'Contact us'), `tel:${shop.phone}`)] : undefined;
}

function documentLabel(lang: Lang, kind: OutstandingBalance['kind']): string {
  const label = DOCUMENT_KIND_LABELS[kind === 'invoice' ? 'invoice' : 'deposit_request'];
  return label[lang];
}

/**
 * "INV-2026-0001 ฿1,234.50" within LINE's 20 characters. The amount is never cut: first the
 * symbol goes, then the number loses its year ("INV-0001"; the list above the buttons names it
 * in full), then the thousands separators.
 */
export function choiceLabel(b: OutstandingBalance): string {
  const grouped = groupedBaht(b.balanceSatang);
  const amounts = [`฿${grouped}`, grouped, grouped.replace(/,/g, '')];
  const numbers = [b.number, b.number.replace(/-\d{4}-/, '-')];
  for (const number of numbers) {
    for (const amount of amounts) {
      const label = `${number} ${amount}`;
      if (label.length <= MAX.quickReplyLabel) return label;
    }
  }
  return clampText(`${grouped.replace(/,/g, '')} ${b.number}`, MAX.quickReplyLabel);
}

function receivedCard(lang: Lang, shop: Shop | null, balance: OutstandingBalance, readable: boolean, created: boolean): messagingApi.FlexMessage {
  const amount = moneyText(balance.balanceSatang, lang);
  const waiting = pick(lang, PAYMENT_STATUS_LABELS.pending_review.th, 'waiting for confirmation');
  const title = pick(lang, `ได้รับสลิปแล้ว — ${waiting}`, `Slip received — ${waiting}`);
  const body = [
    text(
      created
        ? pick(lang, 'ร้านจะตรวจสอบยอดเงิน แล้วส่งใบเสร็จให้ในแชทนี้', 'We will check the transfer and send your receipt in this chat.')
        : pick(lang, 'สลิปนี้ส่งมาแล้ว กำลังรอร้านตรวจสอบ', 'This slip was already sent and is waiting for confirmation.'),
      { size: 'sm', wrap: true, maxLines: 3 },
    ),
    keyAmount(pick(lang, 'ยอดที่แจ้งชำระ', 'Amount'), amount),
    separator(),
    vbox([row(documentLabel(lang, balance.kind), clampText(balance.number, MAX.docNumber))], { margin: 'md' }),
  ];
  if (!readable) {
    body.push(
      text(pick(lang, 'อ่าน QR บนสลิปไม่ได้ ร้านจะตรวจสอบด้วยตนเอง', 'The slip QR could not be read; the business will check it by hand.'), {
        size: 'xs',
        color: COLORS.muted,
        margin: 'lg',
        wrap: true,
        maxLines: 3,
      }),
    );
  }
  const alt = pick(lang, `ได้รับสลิปแล้ว ${amount} — ${waiting} (${balance.number})`, `Slip received, ${amount} — ${waiting} (${balance.number})`);
  return flexMessage(
    alt,
    bubble({
      header: header(shop?.name ?? pick(lang, 'พอร์ทัลลูกค้า', 'Client portal'), title),
      body: vbox(body, { paddingAll: '16px', paddingTop: '4px' }),
    }),
  );
}

function chooseAnswer(lang: Lang, balances: OutstandingBalance[], eventId: string): Answer {
  const shown = balances.slice(0, MAX_CHOICES);
  const lines = shown.map((b) => `• ${documentLabel(lang, b.kind)} ${b.number}: ${moneyText(b.balanceSatang, lang)}`);
  const more = balances.length > shown.length ? [pick(lang, 'รายการอื่นชำระได้ในพอร์ทัลของคุณ', 'Pay the others in your portal.')] : [];
  const items = shown.map((b) =>
    postbackItem(choiceLabel(b), { a: PB.clientSlip, e: eventId, t: b.target }, `${b.number} ${moneyText(b.balanceSatang, lang)}`),
  );
  return [
    textMessage(
      [pick(lang, 'ได้รับสลิปแล้ว สลิปนี้ชำระรายการไหนคะ? กดเลือกด้านล่าง', 'Slip received. Which one does it pay? Tap below.'), ...lines, ...more].join('\n'),
      items,
    ),
  ];
}

function retryAnswer(lang: Lang): Answer {
  return [textMessage(pick(lang, 'ขออภัย ไม่สามารถเปิดรูปสลิปได้ กรุณาส่งรูปสลิปอีกครั้งค่ะ', 'Sorry, we could not open the slip image. Please send the slip again.'))];
}

/** What the use case refused, said to the client; anything else is not ours to explain. */
function refusalAnswer(lang: Lang, shop: Shop | null, error: unknown): Answer | null {
  if (!isDomainError(error)) return null;
  if (error.code === 'DUPLICATE_SLIP') {
    return [
      textMessage(
        pick(
          lang,
          'สลิปนี้ถูกใช้แจ้งชำระไปแล้ว ไม่สามารถใช้ซ้ำได้ หากโอนเงินอีกครั้ง กรุณาส่งสลิปของการโอนครั้งใหม่',
          'This slip was already used. If you made another transfer, please send the slip of that transfer.',
        ),
        contactItems(lang, shop),
      ),
    ];
  }
  if ((error.code === 'VALIDATION' || error.code === 'PAYLOAD_TOO_LARGE') && error.details?.['field'] === 'slip') {
    return [
      textMessage(
        pick(
          lang,
          'กรุณาส่งรูปถ่ายหรือภาพหน้าจอสลิป (JPEG, PNG หรือ WebP ไม่เกิน 5 MB)',
          'Please send a photo or screenshot of the slip (JPEG, PNG or WebP, up to 5 MB).',
        ),
      ),
    ];
  }
  return null;
}

function nothingDueAnswer(lang: Lang, shop: Shop | null): Answer {
  const who = shop?.name ?? pick(lang, 'ร้าน', 'the business');
  return [
    textMessage(
      pick(
        lang,
        `ขอบคุณค่ะ ตอนนี้ไม่มียอดค้างชำระ จึงยังไม่ได้บันทึกสลิปนี้ หากมีคำถาม ติดต่อ ${who}${shop?.phone ? ` โทร ${shop.phone}` : ''}`,
        `Thank you. Nothing is due right now, so this slip was not recorded. Questions? Contact ${who}${shop?.phone ? ` at ${shop.phone}` : ''}.`,
      ),
      contactItems(lang, shop),
    ),
  ];
}

/** A slip image (or the client's choice of what it pays) from a bound client. */
export async function clientSlipAnswer(
  deps: SlipChatDeps,
  customerId: string,
  image: { eventId: string; messageId: string },
  target: string | null = null,
): Promise<Answer> {
  const { ctx } = deps;
  const lang = (await getCustomerContact(ctx, customerId)).language;
  const shop = await shopOf(ctx, lang);
  try {
    const result = await sendSlipFromLine(ctx, { content: deps.content }, { customerId, messageId: image.messageId, target });
    switch (result.kind) {
      case 'nothing_due':
        return nothingDueAnswer(lang, shop);
      case 'choose':
        return chooseAnswer(lang, result.balances, image.eventId);
      case 'unavailable':
        return retryAnswer(lang);
      case 'received':
        return [receivedCard(lang, shop, result.balance, result.notice.slip.readable, result.created)];
    }
  } catch (error) {
    const answer = refusalAnswer(lang, shop, error);
    if (answer) return answer;
    throw error;
  }
}

/** The client tapped "this slip pays INV-…": only their own, recent slip image counts. */
export async function clientSlipChoiceAnswer(deps: SlipChatDeps, customerId: string, lineUserId: string, data: Record<string, string>): Promise<Answer> {
  const eventId = data['e'] ?? '';
  const recorded = eventId ? await deps.recordedEvent(eventId) : null;
  const event = recorded ? lineEventSchema.safeParse(recorded.raw) : null;
  const image = event?.success ? event.data : null;
  const fresh = recorded !== null && deps.ctx.clock.now().getTime() - recorded.receivedAt.getTime() <= CHOICE_TTL_MS;
  if (!image || !fresh || image.source?.userId !== lineUserId || image.message?.type !== 'image' || !image.message.id) {
    const lang = (await getCustomerContact(deps.ctx, customerId)).language;
    return [textMessage(pick(lang, 'ตัวเลือกนี้หมดอายุแล้ว กรุณาส่งรูปสลิปอีกครั้งค่ะ', 'This choice has expired. Please send the slip again.'))];
  }
  return clientSlipAnswer(deps, customerId, { eventId, messageId: image.message.id }, data['t'] ?? '');
}
