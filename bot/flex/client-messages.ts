/**
 * Flex messages sent to clients (through the outbox). Each is a single bubble: header
 * with the business name and what the message is about, the key amount large, a few
 * details, and one primary button that opens the portal (LIFF URL inside LINE, web URL
 * otherwise). Customer-supplied text is clamped; amounts are integer satang.
 */
import type { messagingApi } from '@line/bot-sdk';
import { clampText, formatDate, MAX, money, pick, requireUrl, type Lang } from './format.ts';
import { bubble, button, COLORS, flexMessage, footer, header, keyAmount, row, separator, text, uriAction, vbox, type Tone } from './parts.ts';

type FlexMessage = messagingApi.FlexMessage;
type FlexComponent = messagingApi.FlexComponent;

export interface ClientMessageBase {
  lang: Lang;
  businessName: string;
  customerName: string;
  /** Where the button goes: https://liff.line.me/<liff-id>/c/<token>[/...] or https://<host>/c/<token>. */
  url: string;
}

export type LinkScope = 'customer' | 'quote' | 'invoice';

export interface PortalLinkInput extends ClientMessageBase {
  scope?: LinkScope;
  /** Quote/invoice number for a single-document link. */
  documentNumber?: string;
  /** Last valid day, 'YYYY-MM-DD'. */
  expiresOn?: string;
}

export interface QuoteReadyInput extends ClientMessageBase {
  quoteNumber: string;
  title?: string;
  totalSatang: number;
  /** 'YYYY-MM-DD' */
  validUntil?: string;
  depositSatang?: number;
}

export interface QuoteSignedInput extends ClientMessageBase {
  quoteNumber: string;
  signerName: string;
  /** 'YYYY-MM-DD' */
  signedOn: string;
  totalSatang: number;
  depositNumber?: string;
  depositSatang?: number;
}

export interface InvoiceInput extends ClientMessageBase {
  invoiceNumber: string;
  /** What is to be paid now (net of withholding, minus payments made). */
  amountDueSatang: number;
  /** 'YYYY-MM-DD' */
  dueDate: string;
  title?: string;
}

export interface PaymentReminderInput extends ClientMessageBase {
  invoiceNumber: string;
  amountDueSatang: number;
  dueDate: string;
  /** > 0 overdue by N days, 0 due today, < 0 due in N days. The caller's clock decides. */
  daysOverdue: number;
}

export interface PaymentReceivedInput extends ClientMessageBase {
  receiptNumber: string;
  amountSatang: number;
  invoiceNumber?: string;
  /** 'YYYY-MM-DD' */
  paidOn?: string;
  /** Still owed on the invoice after this payment; 0 or omitted = paid in full. */
  balanceRemainingSatang?: number;
}

export interface JobStageUpdateInput extends ClientMessageBase {
  jobNumber: string;
  jobTitle: string;
  /** Already in the message's language (STAGE_LABELS[stage][lang]). */
  stageLabel: string;
  note?: string;
}

export interface DepositReturnedInput extends ClientMessageBase {
  returnedSatang: number;
  deductedSatang: number;
  deductionReason?: string;
  receiptNumber?: string;
  jobNumber?: string;
}

function greeting(lang: Lang, customerName: string): messagingApi.FlexText {
  const name = clampText(customerName, MAX.name);
  return text(pick(lang, `เรียน ${name}`, `Dear ${name},`), { color: COLORS.muted, maxLines: 2 });
}

function clientBubble(
  input: ClientMessageBase,
  title: string,
  body: FlexComponent[],
  buttonLabel: string,
  options: { badge?: string; badgeTone?: Tone } = {},
): messagingApi.FlexBubble {
  const url = requireUrl(input.url);
  return bubble({
    header: header(input.businessName, title, options),
    body: vbox([greeting(input.lang, input.customerName), ...body], { paddingAll: '16px', paddingTop: '4px' }),
    footer: footer([button(uriAction(buttonLabel, url), 'primary')]),
  });
}

function alt(input: ClientMessageBase, summary: string): string {
  return `${clampText(input.businessName, MAX.business)}: ${summary}`;
}

const doc = (value: string) => clampText(value, MAX.docNumber);

export function portalLinkMessage(input: PortalLinkInput): FlexMessage {
  const { lang } = input;
  const scope = input.scope ?? 'customer';
  const title = {
    customer: pick(lang, 'พอร์ทัลลูกค้าของคุณ', 'Your client portal'),
    quote: pick(lang, 'ลิงก์ใบเสนอราคา', 'Your quote link'),
    invoice: pick(lang, 'ลิงก์ใบแจ้งหนี้', 'Your invoice link'),
  }[scope];
  const intro = {
    customer: pick(lang, 'ดูงาน ใบแจ้งหนี้ การชำระเงิน และเอกสารทั้งหมดได้ในที่เดียว', 'See your jobs, invoices, payments and documents in one place.'),
    quote: pick(lang, 'เปิดดูใบเสนอราคาและลงนามยืนยันได้ทันที', 'View and sign your quote.'),
    invoice: pick(lang, 'เปิดดูใบแจ้งหนี้และชำระเงินด้วย PromptPay', 'View your invoice and pay with PromptPay.'),
  }[scope];
  const body: FlexComponent[] = [text(intro, { margin: 'md', maxLines: 3 })];
  const details: FlexComponent[] = [];
  if (input.documentNumber) details.push(row(pick(lang, 'เลขที่', 'Number'), doc(input.documentNumber)));
  if (input.expiresOn) details.push(row(pick(lang, 'ใช้ได้ถึง', 'Valid until'), formatDate(input.expiresOn, lang)));
  if (details.length > 0) body.push(separator(), vbox(details, { margin: 'md' }));
  body.push(text(pick(lang, 'โปรดอย่าส่งต่อลิงก์นี้ให้ผู้อื่น', 'Please do not forward this link.'), { size: 'xxs', color: COLORS.subtle, margin: 'lg' }));
  return flexMessage(
    alt(input, `${title}${input.documentNumber ? ` ${doc(input.documentNumber)}` : ''}`),
    clientBubble(input, title, body, pick(lang, 'เปิดพอร์ทัล', 'Open portal')),
  );
}

export function quoteReadyMessage(input: QuoteReadyInput): FlexMessage {
  const { lang } = input;
  const details: FlexComponent[] = [row(pick(lang, 'เลขที่', 'Quote no.'), doc(input.quoteNumber))];
  if (input.title) details.push(row(pick(lang, 'รายการ', 'For'), clampText(input.title, MAX.title)));
  if (input.validUntil) details.push(row(pick(lang, 'ยืนราคาถึง', 'Valid until'), formatDate(input.validUntil, lang)));
  if (input.depositSatang !== undefined && input.depositSatang > 0) details.push(row(pick(lang, 'มัดจำ', 'Deposit'), money(input.depositSatang, lang)));
  const title = pick(lang, 'ใบเสนอราคาพร้อมให้ลงนาม', 'Your quote is ready to sign');
  return flexMessage(
    alt(input, pick(lang, `ใบเสนอราคา ${doc(input.quoteNumber)} ยอด ${money(input.totalSatang, lang)}`, `Quote ${doc(input.quoteNumber)} for ${money(input.totalSatang, lang)}`)),
    clientBubble(
      input,
      title,
      [keyAmount(pick(lang, 'ยอดรวม', 'Total'), money(input.totalSatang, lang)), separator(), vbox(details, { margin: 'md' })],
      pick(lang, 'ดูและลงนาม', 'View & sign'),
    ),
  );
}

export function quoteSignedMessage(input: QuoteSignedInput): FlexMessage {
  const { lang } = input;
  const deposit = input.depositNumber && input.depositSatang !== undefined && input.depositSatang > 0;
  const details: FlexComponent[] = [
    row(pick(lang, 'เลขที่', 'Quote no.'), doc(input.quoteNumber)),
    row(pick(lang, 'ลงนามโดย', 'Signed by'), clampText(input.signerName, MAX.name)),
    row(pick(lang, 'วันที่ลงนาม', 'Signed on'), formatDate(input.signedOn, lang)),
  ];
  if (deposit) details.push(row(pick(lang, 'มัดจำที่ต้องชำระ', 'Deposit to pay'), money(input.depositSatang!, lang), { tone: 'warning', bold: true }));
  return flexMessage(
    alt(input, pick(lang, `ใบเสนอราคา ${doc(input.quoteNumber)} ลงนามแล้ว`, `Quote ${doc(input.quoteNumber)} signed`)),
    clientBubble(
      input,
      pick(lang, 'ขอบคุณที่ยอมรับใบเสนอราคา', 'Thank you for accepting the quote'),
      [keyAmount(pick(lang, 'ยอดรวม', 'Total'), money(input.totalSatang, lang)), separator(), vbox(details, { margin: 'md' })],
      deposit ? pick(lang, 'ชำระเงินมัดจำ', 'Pay the deposit') : pick(lang, 'ดูสำเนาที่ลงนาม', 'View the signed copy'),
    ),
  );
}

export function invoiceMessage(input: InvoiceInput): FlexMessage {
  const { lang } = input;
  const due = formatDate(input.dueDate, lang);
  const details: FlexComponent[] = [row(pick(lang, 'เลขที่', 'Invoice no.'), doc(input.invoiceNumber))];
  if (input.title) details.push(row(pick(lang, 'รายการ', 'For'), clampText(input.title, MAX.title)));
  details.push(row(pick(lang, 'ครบกำหนด', 'Due date'), due, { bold: true }));
  return flexMessage(
    alt(input, pick(lang, `ใบแจ้งหนี้ ${doc(input.invoiceNumber)} ยอด ${money(input.amountDueSatang, lang)} ครบกำหนด ${due}`, `Invoice ${doc(input.invoiceNumber)}: ${money(input.amountDueSatang, lang)} due ${due}`)),
    clientBubble(
      input,
      pick(lang, 'ใบแจ้งหนี้', 'Invoice'),
      [
        keyAmount(pick(lang, 'ยอดที่ต้องชำระ', 'Amount due'), money(input.amountDueSatang, lang)),
        separator(),
        vbox(details, { margin: 'md' }),
        text(pick(lang, 'ชำระผ่าน PromptPay ได้ทุกธนาคาร', 'Pay by PromptPay from any Thai bank app.'), { size: 'xs', color: COLORS.muted, margin: 'lg' }),
      ],
      pick(lang, 'ชำระเงิน', 'Pay now'),
    ),
  );
}

export function paymentReminderMessage(input: PaymentReminderInput): FlexMessage {
  const { lang } = input;
  const due = formatDate(input.dueDate, lang);
  const days = Math.trunc(input.daysOverdue);
  let status: string;
  let tone: Tone;
  if (days > 0) {
    status = pick(lang, `เกินกำหนด ${days} วัน`, `${days} day${days === 1 ? '' : 's'} overdue`);
    tone = 'danger';
  } else if (days === 0) {
    status = pick(lang, 'ครบกำหนดวันนี้', 'Due today');
    tone = 'warning';
  } else {
    status = pick(lang, `ครบกำหนดในอีก ${-days} วัน`, `Due in ${-days} day${days === -1 ? '' : 's'}`);
    tone = 'default';
  }
  return flexMessage(
    alt(input, pick(lang, `แจ้งเตือนชำระเงิน ${doc(input.invoiceNumber)} ยอด ${money(input.amountDueSatang, lang)} (${status})`, `Payment reminder ${doc(input.invoiceNumber)}: ${money(input.amountDueSatang, lang)} (${status})`)),
    clientBubble(
      input,
      pick(lang, 'แจ้งเตือนการชำระเงิน', 'Payment reminder'),
      [
        keyAmount(pick(lang, 'ยอดค้างชำระ', 'Balance due'), money(input.amountDueSatang, lang), tone === 'danger' ? 'danger' : 'default'),
        separator(),
        vbox([row(pick(lang, 'ใบแจ้งหนี้', 'Invoice'), doc(input.invoiceNumber)), row(pick(lang, 'ครบกำหนด', 'Due date'), due)], { margin: 'md' }),
        text(pick(lang, 'หากชำระเรียบร้อยแล้ว โปรดข้ามข้อความนี้ ขอบคุณ', 'If you have already paid, thank you and please ignore this.'), { size: 'xs', color: COLORS.muted, margin: 'lg' }),
      ],
      pick(lang, 'ชำระเงิน', 'Pay now'),
      { badge: status, badgeTone: tone },
    ),
  );
}

export function paymentReceivedMessage(input: PaymentReceivedInput): FlexMessage {
  const { lang } = input;
  const details: FlexComponent[] = [row(pick(lang, 'ใบเสร็จ', 'Receipt no.'), doc(input.receiptNumber))];
  if (input.invoiceNumber) details.push(row(pick(lang, 'ใบแจ้งหนี้', 'Invoice'), doc(input.invoiceNumber)));
  if (input.paidOn) details.push(row(pick(lang, 'วันที่ชำระ', 'Paid on'), formatDate(input.paidOn, lang)));
  const remaining = input.balanceRemainingSatang ?? 0;
  details.push(
    remaining > 0
      ? row(pick(lang, 'คงค้าง', 'Still due'), money(remaining, lang), { tone: 'warning', bold: true })
      : row(pick(lang, 'สถานะ', 'Status'), pick(lang, 'ชำระครบแล้ว', 'Paid in full'), { tone: 'success', bold: true }),
  );
  return flexMessage(
    alt(input, pick(lang, `ได้รับชำระเงิน ${money(input.amountSatang, lang)} แล้ว ใบเสร็จ ${doc(input.receiptNumber)}`, `Payment of ${money(input.amountSatang, lang)} received, receipt ${doc(input.receiptNumber)}`)),
    clientBubble(
      input,
      pick(lang, 'ได้รับชำระเงินแล้ว ขอบคุณ', 'Payment received, thank you'),
      [keyAmount(pick(lang, 'ยอดที่ได้รับ', 'Amount received'), money(input.amountSatang, lang), 'success'), separator(), vbox(details, { margin: 'md' })],
      pick(lang, 'ดูใบเสร็จ', 'View receipt'),
    ),
  );
}

export function jobStageUpdateMessage(input: JobStageUpdateInput): FlexMessage {
  const { lang } = input;
  const stage = clampText(input.stageLabel, MAX.stage);
  const body: FlexComponent[] = [
    vbox(
      [
        text(pick(lang, 'สถานะล่าสุด', 'Current stage'), { size: 'xs', color: COLORS.muted }),
        text(stage, { size: 'xl', weight: 'bold', color: COLORS.primary, maxLines: 2 }),
      ],
      { margin: 'md' },
    ),
    separator(),
    vbox([row(pick(lang, 'งาน', 'Job'), doc(input.jobNumber)), row(pick(lang, 'รายละเอียด', 'Title'), clampText(input.jobTitle, MAX.title), { maxLines: 3 })], { margin: 'md' }),
  ];
  if (input.note) body.push(text(clampText(input.note, MAX.note, { multiline: true }), { size: 'xs', color: COLORS.muted, margin: 'lg', maxLines: 5 }));
  return flexMessage(
    alt(input, pick(lang, `งาน ${doc(input.jobNumber)}: ${stage}`, `Job ${doc(input.jobNumber)}: ${stage}`)),
    clientBubble(input, pick(lang, 'อัปเดตสถานะงาน', 'Job update'), body, pick(lang, 'ดูรายละเอียดงาน', 'View job')),
  );
}

export function depositReturnedMessage(input: DepositReturnedInput): FlexMessage {
  const { lang } = input;
  const details: FlexComponent[] = [];
  if (input.jobNumber) details.push(row(pick(lang, 'งาน', 'Job'), doc(input.jobNumber)));
  if (input.deductedSatang > 0) {
    details.push(row(pick(lang, 'หักค่าใช้จ่าย', 'Deducted'), money(input.deductedSatang, lang), { tone: 'warning' }));
    details.push(row(pick(lang, 'เหตุผล', 'Reason'), clampText(input.deductionReason, MAX.reason), { maxLines: 4 }));
  }
  if (input.receiptNumber) details.push(row(pick(lang, 'เอกสาร', 'Document'), doc(input.receiptNumber)));
  const body: FlexComponent[] = [keyAmount(pick(lang, 'ยอดคืนเงินมัดจำ', 'Deposit returned'), money(input.returnedSatang, lang), 'success')];
  if (details.length > 0) body.push(separator(), vbox(details, { margin: 'md' }));
  return flexMessage(
    alt(input, pick(lang, `คืนเงินมัดจำ ${money(input.returnedSatang, lang)}`, `Deposit returned: ${money(input.returnedSatang, lang)}`)),
    clientBubble(input, pick(lang, 'คืนเงินมัดจำแล้ว', 'Deposit returned'), body, pick(lang, 'ดูรายละเอียด', 'View details')),
  );
}
