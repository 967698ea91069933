/**
 * The words of every client message, per kind and language, as one structure that the email
 * HTML, the email plain text and the operator preview all render — so the parts cannot drift
 * apart. LINE has its own Flex builders (bot/flex/client-messages.ts) with the same meaning.
 */
import { formatDate, formatDateTime, type Lang } from '../../domain/dates.ts';
import { formatBahtWithSymbol } from '../../domain/money.ts';
import { buttonUrl, type ContentOf, type MessageContent } from '../message-content.ts';

export type Tone = 'default' | 'success' | 'warning' | 'danger';

export interface MessageDocument {
  lang: Lang;
  businessName: string;
  subject: string;
  /** The first line mail apps show in the inbox list. */
  preheader: string;
  title: string;
  greeting: string;
  intro: string;
  amount: { label: string; value: string; tone: Tone } | null;
  facts: { label: string; value: string; tone?: Tone }[];
  note: string | null;
  /** Null for a notice that has nowhere to send the client (no portal link, no contact given). */
  button: { label: string; url: string } | null;
  footer: string;
}

const pick = <T>(lang: Lang, th: T, en: T): T => (lang === 'th' ? th : en);
const money = (satang: number, lang: Lang) => formatBahtWithSymbol(satang, lang);
const date = (ymd: string, lang: Lang) => formatDate(ymd, lang, 'long');

function reminderStatus(days: number, lang: Lang): { text: string; tone: Tone } {
  if (days > 0) return { text: pick(lang, `เกินกำหนด ${days} วัน`, `${days} day${days === 1 ? '' : 's'} overdue`), tone: 'danger' };
  if (days === 0) return { text: pick(lang, 'ครบกำหนดวันนี้', 'due today'), tone: 'warning' };
  return { text: pick(lang, `ครบกำหนดในอีก ${-days} วัน`, `due in ${-days} day${days === -1 ? '' : 's'}`), tone: 'default' };
}

/** The LINE add-friend / chat page of the business's Official Account. */
export function lineOaUrl(basicId: string): string {
  return `https://line.me/R/ti/p/${encodeURIComponent(basicId)}`;
}

/** Who was connected and when, and how to tell the business if it was not the client. */
function lineConnectedDocument(content: ContentOf<'line_connected'>): MessageDocument {
  const { lang, businessName } = content;
  const who = content.lineDisplayName ?? pick(lang, '(LINE ไม่ได้แจ้งชื่อ)', '(LINE gave no name)');
  const when = formatDateTime(new Date(content.connectedAt), lang);
  const phone = content.businessPhone;
  const oa = content.businessLineOaId;
  const reach = [phone ? pick(lang, `โทร ${phone}`, `call ${phone}`) : null, oa ? `LINE ${oa}` : null].filter(Boolean).join(pick(lang, ' หรือ ', ' or '));
  const button = oa
    ? { label: pick(lang, `แชทกับ ${businessName} ใน LINE`, `Chat with ${businessName} on LINE`), url: lineOaUrl(oa) }
    : phone
      ? { label: pick(lang, `โทรหา ${businessName}`, `Call ${businessName}`), url: `tel:${phone.replace(/[^\d+]/g, '')}` }
      : null;
  return {
    lang,
    businessName,
    subject: pick(lang, `${businessName}: มีการเชื่อมบัญชี LINE กับข้อมูลลูกค้าของคุณ`, `${businessName}: a LINE account was connected to your client account`),
    preheader: pick(lang, `บัญชี LINE "${who}" เมื่อ ${when}`, `LINE account "${who}" on ${when}`),
    title: pick(lang, 'เชื่อมบัญชี LINE แล้ว', 'LINE account connected'),
    greeting: pick(lang, `เรียน ${content.customerName}`, `Dear ${content.customerName},`),
    intro: pick(
      lang,
      `บัญชี LINE "${who}" ได้เชื่อมกับข้อมูลลูกค้าของคุณที่ ${businessName} แล้ว ต่อจากนี้การแจ้งเตือน ใบแจ้งหนี้ และเอกสารอาจส่งไปที่บัญชี LINE นี้`,
      `The LINE account "${who}" was connected to your client account with ${businessName}. Updates, invoices and documents may now be sent to that LINE account.`,
    ),
    amount: null,
    facts: [
      { label: pick(lang, 'บัญชี LINE', 'LINE account'), value: who },
      { label: pick(lang, 'เชื่อมเมื่อ', 'Connected'), value: when },
      ...(phone ? [{ label: pick(lang, 'โทรศัพท์ร้าน', 'Business phone'), value: phone }] : []),
      ...(oa ? [{ label: pick(lang, 'LINE ของร้าน', 'Business LINE'), value: oa }] : []),
    ],
    note: pick(
      lang,
      `หากไม่ใช่คุณ โปรดแจ้ง ${businessName} ทันที${reach ? ` (${reach})` : ''} ทางร้านจะยกเลิกการเชื่อมบัญชีนั้นให้ หากเป็นคุณ ไม่ต้องทำอะไรเพิ่ม`,
      `If this wasn't you, tell ${businessName} straight away${reach ? ` (${reach})` : ''} and they will disconnect that account. If it was you, there is nothing to do.`,
    ),
    button,
    footer: pick(lang, `ข้อความนี้ส่งจาก ${businessName} เพื่อความปลอดภัยของข้อมูลของคุณ`, `This message was sent by ${businessName} to keep your records safe.`),
  };
}

export function messageDocument(content: MessageContent): MessageDocument {
  if (content.kind === 'line_connected') return lineConnectedDocument(content);
  const { lang, businessName } = content;
  const url = buttonUrl(content, 'email');
  const base = {
    lang,
    businessName,
    greeting: pick(lang, `เรียน ${content.customerName}`, `Dear ${content.customerName},`),
    note: null as string | null,
    amount: null as MessageDocument['amount'],
    facts: [] as MessageDocument['facts'],
    footer: pick(
      lang,
      `ข้อความนี้ส่งจาก ${businessName} ลิงก์นี้ใช้เปิดข้อมูลของคุณโดยไม่ต้องใช้รหัสผ่าน โปรดอย่าส่งต่อให้ผู้อื่น`,
      `This message was sent by ${businessName}. The link opens your records without a password; please do not forward it.`,
    ),
  };
  switch (content.kind) {
    case 'portal_link': {
      const title = {
        customer: pick(lang, 'พอร์ทัลลูกค้าของคุณ', 'Your client portal'),
        quote: pick(lang, `ลิงก์ใบเสนอราคา ${content.documentNumber ?? ''}`.trim(), `Your quote ${content.documentNumber ?? ''}`.trim()),
        invoice: pick(lang, `ลิงก์ใบแจ้งหนี้ ${content.documentNumber ?? ''}`.trim(), `Your invoice ${content.documentNumber ?? ''}`.trim()),
      }[content.scope];
      const intro = {
        customer: pick(lang, 'ดูงาน ใบแจ้งหนี้ การชำระเงิน และเอกสารทั้งหมดได้ในที่เดียว', 'See your jobs, invoices, payments and documents in one place.'),
        quote: pick(lang, 'เปิดดูใบเสนอราคาและลงนามยืนยันได้ทันที', 'View and sign your quote.'),
        invoice: pick(lang, 'เปิดดูใบแจ้งหนี้และชำระเงินด้วย PromptPay', 'View your invoice and pay with PromptPay.'),
      }[content.scope];
      return {
        ...base,
        subject: `${businessName}: ${title}`,
        preheader: intro,
        title,
        intro,
        facts: [{ label: pick(lang, 'ลิงก์ใช้ได้ถึง', 'Link valid until'), value: date(content.expiresOn, lang) }],
        button: { label: pick(lang, 'เปิดพอร์ทัล', 'Open the portal'), url },
      };
    }
    case 'quote_ready': {
      const facts = [
        { label: pick(lang, 'เลขที่', 'Quote no.'), value: content.quoteNumber },
        ...(content.title ? [{ label: pick(lang, 'รายการ', 'For'), value: content.title }] : []),
        { label: pick(lang, 'ยืนราคาถึง', 'Valid until'), value: date(content.validUntil, lang) },
        ...(content.depositSatang > 0 ? [{ label: pick(lang, 'เงินมัดจำ (คืนได้)', 'Refundable deposit'), value: money(content.depositSatang, lang) }] : []),
      ];
      return {
        ...base,
        subject: pick(lang, `${businessName}: ใบเสนอราคา ${content.quoteNumber} พร้อมให้ลงนาม`, `${businessName}: quote ${content.quoteNumber} is ready to sign`),
        preheader: pick(lang, `ยอดรวม ${money(content.totalSatang, lang)}`, `Total ${money(content.totalSatang, lang)}`),
        title: pick(lang, 'ใบเสนอราคาพร้อมให้ลงนาม', 'Your quote is ready to sign'),
        intro: pick(lang, 'กรุณาตรวจสอบรายละเอียด แล้วกดยอมรับและลงนามได้ทางออนไลน์', 'Please review it, then accept and sign online.'),
        amount: { label: pick(lang, 'ยอดรวม', 'Total'), value: money(content.totalSatang, lang), tone: 'default' },
        facts,
        button: { label: pick(lang, 'ดูและลงนาม', 'View & sign'), url },
      };
    }
    case 'invoice': {
      const due = date(content.dueDate, lang);
      return {
        ...base,
        subject: pick(lang, `${businessName}: ใบแจ้งหนี้ ${content.invoiceNumber} ยอด ${money(content.amountDueSatang, lang)}`, `${businessName}: invoice ${content.invoiceNumber} for ${money(content.amountDueSatang, lang)}`),
        preheader: pick(lang, `ครบกำหนดชำระ ${due}`, `Due ${due}`),
        title: pick(lang, 'ใบแจ้งหนี้', 'Invoice'),
        intro: pick(lang, 'ชำระผ่าน PromptPay ได้จากแอปธนาคารทุกธนาคาร แล้วแนบสลิปในหน้าเดียวกัน', 'Pay by PromptPay from any Thai bank app, then upload the slip on the same page.'),
        amount: { label: pick(lang, 'ยอดที่ต้องชำระ', 'Amount due'), value: money(content.amountDueSatang, lang), tone: 'default' },
        facts: [
          { label: pick(lang, 'เลขที่', 'Invoice no.'), value: content.invoiceNumber },
          ...(content.title ? [{ label: pick(lang, 'รายการ', 'For'), value: content.title }] : []),
          { label: pick(lang, 'ครบกำหนด', 'Due date'), value: due },
        ],
        button: { label: pick(lang, 'ดูใบแจ้งหนี้และชำระเงิน', 'View & pay'), url },
      };
    }
    case 'payment_reminder': {
      const status = reminderStatus(Math.trunc(content.daysOverdue), lang);
      return {
        ...base,
        subject: pick(lang, `${businessName}: แจ้งเตือนชำระเงิน ${content.invoiceNumber} (${status.text})`, `${businessName}: payment reminder for ${content.invoiceNumber} (${status.text})`),
        preheader: pick(lang, `ยอดค้างชำระ ${money(content.amountDueSatang, lang)}`, `Balance due ${money(content.amountDueSatang, lang)}`),
        title: pick(lang, 'แจ้งเตือนการชำระเงิน', 'Payment reminder'),
        intro: pick(lang, `ใบแจ้งหนี้ ${content.invoiceNumber} ${status.text}`, `Invoice ${content.invoiceNumber} is ${status.text}.`),
        amount: { label: pick(lang, 'ยอดค้างชำระ', 'Balance due'), value: money(content.amountDueSatang, lang), tone: status.tone === 'danger' ? 'danger' : 'default' },
        facts: [
          { label: pick(lang, 'ใบแจ้งหนี้', 'Invoice'), value: content.invoiceNumber },
          { label: pick(lang, 'ครบกำหนด', 'Due date'), value: date(content.dueDate, lang), tone: status.tone },
        ],
        note: pick(lang, 'หากชำระเรียบร้อยแล้ว ขอบคุณค่ะ โปรดข้ามข้อความนี้', 'If you have already paid, thank you, and please ignore this message.'),
        button: { label: pick(lang, 'ชำระเงิน', 'Pay now'), url },
      };
    }
    case 'payment_received': {
      const remaining = content.balanceRemainingSatang;
      return {
        ...base,
        subject: pick(lang, `${businessName}: ได้รับชำระเงิน ${money(content.amountSatang, lang)} ใบเสร็จ ${content.receiptNumber}`, `${businessName}: payment of ${money(content.amountSatang, lang)} received, receipt ${content.receiptNumber}`),
        preheader: pick(lang, 'ขอบคุณสำหรับการชำระเงิน', 'Thank you for your payment'),
        title: pick(lang, 'ได้รับชำระเงินแล้ว ขอบคุณ', 'Payment received, thank you'),
        intro: pick(lang, 'ใบเสร็จรับเงินของคุณพร้อมแล้ว ดูหรือดาวน์โหลดได้ตลอดเวลา', 'Your receipt is ready to view or download at any time.'),
        amount: { label: pick(lang, 'ยอดที่ได้รับ', 'Amount received'), value: money(content.amountSatang, lang), tone: 'success' },
        facts: [
          { label: pick(lang, 'ใบเสร็จ', 'Receipt no.'), value: content.receiptNumber },
          { label: pick(lang, 'ใบแจ้งหนี้', 'Invoice'), value: content.invoiceNumber },
          { label: pick(lang, 'วันที่ชำระ', 'Paid on'), value: date(content.paidOn, lang) },
          remaining > 0
            ? { label: pick(lang, 'คงค้าง', 'Still due'), value: money(remaining, lang), tone: 'warning' }
            : { label: pick(lang, 'สถานะ', 'Status'), value: pick(lang, 'ชำระครบแล้ว', 'Paid in full'), tone: 'success' },
        ],
        button: { label: pick(lang, 'ดูใบเสร็จ', 'View receipt'), url },
      };
    }
    case 'job_stage':
      return {
        ...base,
        subject: pick(lang, `${businessName}: งาน ${content.jobNumber} ${content.stageLabel}`, `${businessName}: job ${content.jobNumber} — ${content.stageLabel}`),
        preheader: content.stageLabel,
        title: pick(lang, 'อัปเดตสถานะงาน', 'Job update'),
        intro: pick(lang, `สถานะล่าสุด: ${content.stageLabel}`, `Current stage: ${content.stageLabel}`),
        facts: [
          { label: pick(lang, 'งาน', 'Job'), value: content.jobNumber },
          { label: pick(lang, 'รายละเอียด', 'Title'), value: content.jobTitle },
        ],
        note: content.note,
        button: { label: pick(lang, 'ดูรายละเอียดงาน', 'View job'), url },
      };
    case 'deposit_returned':
      return {
        ...base,
        subject: pick(lang, `${businessName}: คืนเงินมัดจำ ${money(content.returnedSatang, lang)}`, `${businessName}: deposit returned, ${money(content.returnedSatang, lang)}`),
        preheader: pick(lang, `เงินมัดจำ ${content.depositNumber}`, `Deposit ${content.depositNumber}`),
        title: pick(lang, 'คืนเงินมัดจำแล้ว', 'Deposit returned'),
        intro: pick(lang, 'เราได้คืนเงินมัดจำของคุณแล้ว รายละเอียดและเอกสารอยู่ในพอร์ทัล', 'We have returned your deposit; the details and the document are in your portal.'),
        amount: { label: pick(lang, 'ยอดคืนเงินมัดจำ', 'Deposit returned'), value: money(content.returnedSatang, lang), tone: 'success' },
        facts: [
          { label: pick(lang, 'เงินมัดจำ', 'Deposit'), value: content.depositNumber },
          ...(content.jobNumber ? [{ label: pick(lang, 'งาน', 'Job'), value: content.jobNumber }] : []),
          ...(content.deductedSatang > 0
            ? [
                { label: pick(lang, 'หักค่าใช้จ่าย', 'Deducted'), value: money(content.deductedSatang, lang), tone: 'warning' as Tone },
                { label: pick(lang, 'เหตุผล', 'Reason'), value: content.reason ?? '-' },
              ]
            : []),
          ...(content.receiptNumber ? [{ label: pick(lang, 'เอกสาร', 'Document'), value: content.receiptNumber }] : []),
        ],
        button: { label: pick(lang, 'ดูรายละเอียด', 'View details'), url },
      };
  }
}
