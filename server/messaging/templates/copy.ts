/**
 * The words of every client message, per kind and language, as one structure that every
 * channel renders: the email HTML and plain text, the operator preview, the LINE Flex bubble
 * (bot/flex/client-messages.ts) and the SMS line (its `summary`) — so they cannot drift apart.
 * Names of stages and documents come from domain/labels.ts, amounts from domain/money-text.ts.
 */
import { formatDate, formatDateTime, type DateStyle } from '../../domain/dates.ts';
import { pick, RECEIPT_CANCELLED, RECEIPT_TYPE_LABELS, SECURITY_DEPOSIT, STAGE_LABELS, DOCUMENT_KIND_LABELS, type Lang } from '../../domain/labels.ts';
import { formatBahtWithSymbol } from '../../domain/money.ts';
import { buttonUrl, type Channel, type ContentOf, type MessageContent } from '../message-content.ts';

export type Tone = 'default' | 'success' | 'warning' | 'danger';

export interface MessageDocument {
  lang: Lang;
  businessName: string;
  subject: string;
  /** The first line mail apps show in the inbox list. */
  preheader: string;
  title: string;
  /** A short status beside the title (a reminder's "3 days overdue"). */
  badge: { text: string; tone: Tone } | null;
  greeting: string;
  intro: string;
  /** The one value shown large: an amount, or a job's new stage. */
  highlight: { label: string; value: string; tone: Tone } | null;
  facts: { label: string; value: string; tone?: Tone }[];
  note: string | null;
  /** Null for a notice that has nowhere to send the client (no portal link, no contact given). */
  button: { label: string; url: string } | null;
  footer: string;
  /** The message in one short line, without the business name or link: SMS text and LINE altText. */
  summary: string;
}

const money = (satang: number, lang: Lang) => formatBahtWithSymbol(satang, lang);

/** Email has room for "10 ธันวาคม 2569"; a LINE row and an SMS take "10 ธ.ค. 2569". */
const DATE_STYLE: Record<Channel, DateStyle> = { email: 'long', line: 'short', sms: 'short' };

/** "… sent by Scenery Rental Co., Ltd." ends one sentence: no second period after an abbreviation. */
function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function reminderStatus(days: number, lang: Lang): { text: string; tone: Tone } {
  if (days > 0) return { text: pick(lang, `เกินกำหนด ${days} วัน`, `${days} day${days === 1 ? '' : 's'} overdue`), tone: 'danger' };
  if (days === 0) return { text: pick(lang, 'ครบกำหนดวันนี้', 'due today'), tone: 'warning' };
  return { text: pick(lang, `ครบกำหนดในอีก ${-days} วัน`, `due in ${-days} day${days === -1 ? '' : 's'}`), tone: 'default' };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The LINE add-friend / chat page of the business's Official Account. */
export function lineOaUrl(basicId: string): string {
  return `https://line.me/R/ti/p/${encodeURIComponent(basicId)}`;
}

/** Who was connected and when, and how to tell the business if it was not the client. No portal link. */
function lineConnectedDocument(content: ContentOf<'line_connected'>): MessageDocument {
  const { lang, businessName } = content;
  const customerName = content.customerName.replace(/\s+/g, ' ').trim();
  const who = content.lineDisplayName ?? pick(lang, '(LINE ไม่ได้แจ้งชื่อ)', '(LINE gave no name)');
  const when = formatDateTime(new Date(content.connectedAt), lang);
  const phone = content.businessPhone;
  const oa = content.businessLineOaId;
  const reach = [phone ? pick(lang, `โทร ${phone}`, `call ${phone}`) : null, oa ? `LINE ${oa}` : null].filter(Boolean).join(pick(lang, ' หรือ ', ' or '));
  const contact = phone ?? oa;
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
    badge: null,
    greeting: pick(lang, `เรียน ${customerName}`, `Dear ${customerName},`),
    intro: pick(
      lang,
      `บัญชี LINE "${who}" ได้เชื่อมกับข้อมูลลูกค้าของคุณที่ ${businessName} แล้ว ต่อจากนี้การแจ้งเตือน ใบแจ้งหนี้ และเอกสารอาจส่งไปที่บัญชี LINE นี้`,
      `The LINE account "${who}" was connected to your client account with ${endSentence(businessName)} Updates, invoices and documents may now be sent to that LINE account.`,
    ),
    highlight: null,
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
    footer: pick(
      lang,
      `ข้อความนี้ส่งจาก ${businessName} เพื่อความปลอดภัยของข้อมูลของคุณ`,
      `This message was sent by ${endSentence(businessName)} It keeps your records safe.`,
    ),
    summary: pick(
      lang,
      `บัญชี LINE "${who}" เชื่อมกับข้อมูลของคุณ ${when} ${contact ? `หากไม่ใช่คุณ ติดต่อ ${contact}` : 'หากไม่ใช่คุณ โปรดแจ้งร้าน'}`,
      `LINE account "${who}" was connected to your account ${when}. ${contact ? `Not you? Contact ${contact}` : 'Not you? Tell us.'}`,
    ),
  };
}

export function messageDocument(content: MessageContent, channel: Channel = 'email'): MessageDocument {
  if (content.kind === 'line_connected') return lineConnectedDocument(content);
  const { lang, businessName } = content;
  const customerName = content.customerName.replace(/\s+/g, ' ').trim();
  const url = buttonUrl(content, channel);
  const date = (ymd: string) => formatDate(ymd, lang, DATE_STYLE[channel]);
  const base = {
    lang,
    businessName,
    greeting: pick(lang, `เรียน ${customerName}`, `Dear ${customerName},`),
    badge: null as MessageDocument['badge'],
    note: null as string | null,
    highlight: null as MessageDocument['highlight'],
    facts: [] as MessageDocument['facts'],
    footer: pick(
      lang,
      `ข้อความนี้ส่งจาก ${businessName} ลิงก์นี้ใช้เปิดข้อมูลของคุณโดยไม่ต้องใช้รหัสผ่าน โปรดอย่าส่งต่อให้ผู้อื่น`,
      `This message was sent by ${endSentence(businessName)} The link opens your records without a password; please do not forward it.`,
    ),
  };
  const invoiceName = DOCUMENT_KIND_LABELS.invoice[lang];
  const quoteName = pick(lang, DOCUMENT_KIND_LABELS.quote.th, 'Quote');
  switch (content.kind) {
    case 'portal_link': {
      const number = content.documentNumber ?? '';
      const title = {
        customer: pick(lang, 'พอร์ทัลลูกค้าของคุณ', 'Your client portal'),
        quote: pick(lang, `ลิงก์${quoteName} ${number}`.trim(), `Your quote ${number}`.trim()),
        invoice: pick(lang, `ลิงก์${invoiceName} ${number}`.trim(), `Your invoice ${number}`.trim()),
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
        facts: [{ label: pick(lang, 'ลิงก์ใช้ได้ถึง', 'Link valid until'), value: date(content.expiresOn) }],
        note: pick(lang, 'โปรดอย่าส่งต่อลิงก์นี้ให้ผู้อื่น', 'Please do not forward this link.'),
        button: { label: pick(lang, 'เปิดพอร์ทัล', 'Open portal'), url },
        summary: {
          customer: pick(lang, 'ลิงก์พอร์ทัลลูกค้าของคุณ', 'your client portal'),
          quote: pick(lang, `ลิงก์${quoteName} ${number}`.trim(), `your quote ${number}`.trim()),
          invoice: pick(lang, `ลิงก์${invoiceName} ${number}`.trim(), `your invoice ${number}`.trim()),
        }[content.scope],
      };
    }
    case 'quote_ready': {
      const total = money(content.totalSatang, lang);
      return {
        ...base,
        subject: pick(
          lang,
          `${businessName}: ${quoteName} ${content.quoteNumber} พร้อมให้ลงนาม`,
          `${businessName}: quote ${content.quoteNumber} is ready to sign`,
        ),
        preheader: pick(lang, `ยอดรวม ${total}`, `Total ${total}`),
        title: pick(lang, `${quoteName}พร้อมให้ลงนาม`, 'Your quote is ready to sign'),
        intro: pick(lang, 'กรุณาตรวจสอบรายละเอียด แล้วกดยอมรับและลงนามได้ทางออนไลน์', 'Please review it, then accept and sign online.'),
        highlight: { label: pick(lang, 'ยอดรวม', 'Total'), value: total, tone: 'default' },
        facts: [
          { label: pick(lang, 'เลขที่', 'Quote no.'), value: content.quoteNumber },
          ...(content.title ? [{ label: pick(lang, 'รายการ', 'For'), value: content.title }] : []),
          { label: pick(lang, 'ยืนราคาถึง', 'Valid until'), value: date(content.validUntil) },
          ...(content.depositSatang > 0
            ? [
                {
                  label: pick(lang, `${SECURITY_DEPOSIT.th} (คืนได้)`, `Refundable ${SECURITY_DEPOSIT.en.toLowerCase()}`),
                  value: money(content.depositSatang, lang),
                },
              ]
            : []),
        ],
        button: { label: pick(lang, 'ดูและลงนาม', 'View & sign'), url },
        summary: pick(lang, `${quoteName} ${content.quoteNumber} ${total} ดูและลงนาม`, `quote ${content.quoteNumber} for ${total}, view & sign`),
      };
    }
    case 'quote_signed': {
      const total = money(content.totalSatang, lang);
      const deposit = content.depositNumber && content.depositSatang > 0 ? money(content.depositSatang, lang) : null;
      return {
        ...base,
        subject: pick(lang, `${businessName}: ${quoteName} ${content.quoteNumber} ลงนามแล้ว`, `${businessName}: quote ${content.quoteNumber} signed`),
        preheader: pick(lang, `สำเนา${quoteName}ที่ลงนามแล้วของคุณ`, 'Your copy of the signed quote'),
        title: pick(lang, `ขอบคุณที่ยอมรับ${quoteName}`, 'Thank you for accepting the quote'),
        intro: deposit
          ? pick(
              lang,
              `แนบสำเนาที่ลงนามแล้ว ขั้นต่อไปคือชำระ${SECURITY_DEPOSIT.th}ด้วย PromptPay ในพอร์ทัล`,
              `Your signed copy is attached. Next, pay the ${SECURITY_DEPOSIT.en.toLowerCase()} by PromptPay in your portal.`,
            )
          : pick(lang, 'แนบสำเนาที่ลงนามแล้ว ดูหรือดาวน์โหลดได้ในพอร์ทัลตลอดเวลา', 'Your signed copy is attached; it is also in your portal at any time.'),
        // The one figure every channel leads with: what to pay next, or the accepted total.
        highlight: deposit
          ? { label: pick(lang, `${SECURITY_DEPOSIT.th}ที่ต้องชำระ`, `${SECURITY_DEPOSIT.en} to pay`), value: deposit, tone: 'warning' }
          : { label: pick(lang, 'ยอดรวม', 'Total'), value: total, tone: 'success' },
        facts: [
          { label: pick(lang, 'เลขที่', 'Quote no.'), value: content.quoteNumber },
          ...(deposit ? [{ label: pick(lang, 'ยอดรวม', 'Total'), value: total }] : []),
          { label: pick(lang, 'ลงนามโดย', 'Signed by'), value: content.signerName },
          { label: pick(lang, 'วันที่ลงนาม', 'Signed on'), value: date(content.signedOn) },
          ...(deposit ? [{ label: pick(lang, 'เลขที่เงินประกัน', 'Deposit no.'), value: content.depositNumber ?? '' }] : []),
        ],
        button: deposit
          ? { label: pick(lang, `ชำระ${SECURITY_DEPOSIT.th}`, `Pay the ${SECURITY_DEPOSIT.en.toLowerCase()}`), url }
          : { label: pick(lang, 'ดูเอกสาร', 'View documents'), url },
        summary: deposit
          ? pick(
              lang,
              `${quoteName} ${content.quoteNumber} ลงนามแล้ว ชำระ${SECURITY_DEPOSIT.th} ${deposit}`,
              `quote ${content.quoteNumber} signed; ${SECURITY_DEPOSIT.en.toLowerCase()} ${deposit} to pay`,
            )
          : pick(lang, `${quoteName} ${content.quoteNumber} ${total} ลงนามแล้ว`, `quote ${content.quoteNumber} for ${total} signed`),
      };
    }
    case 'invoice': {
      const due = date(content.dueDate);
      const amount = money(content.amountDueSatang, lang);
      return {
        ...base,
        subject: pick(
          lang,
          `${businessName}: ${invoiceName} ${content.invoiceNumber} ยอด ${amount}`,
          `${businessName}: invoice ${content.invoiceNumber} for ${amount}`,
        ),
        preheader: pick(lang, `ครบกำหนดชำระ ${due}`, `Due ${due}`),
        title: invoiceName,
        intro: pick(
          lang,
          'ชำระผ่าน PromptPay ได้จากแอปธนาคารทุกธนาคาร แล้วแนบสลิปในหน้าเดียวกัน',
          'Pay by PromptPay from any Thai bank app, then upload the slip on the same page.',
        ),
        highlight: { label: pick(lang, 'ยอดที่ต้องชำระ', 'Amount due'), value: amount, tone: 'default' },
        facts: [
          { label: pick(lang, 'เลขที่', 'Invoice no.'), value: content.invoiceNumber },
          ...(content.title ? [{ label: pick(lang, 'รายการ', 'For'), value: content.title }] : []),
          { label: pick(lang, 'ครบกำหนด', 'Due date'), value: due },
        ],
        button: { label: pick(lang, 'ชำระเงิน', 'Pay now'), url },
        summary: pick(lang, `${invoiceName} ${content.invoiceNumber} ${amount} ครบกำหนด ${due}`, `invoice ${content.invoiceNumber} ${amount} due ${due}`),
      };
    }
    case 'payment_reminder': {
      const status = reminderStatus(Math.trunc(content.daysOverdue), lang);
      const amount = money(content.amountDueSatang, lang);
      return {
        ...base,
        subject: pick(
          lang,
          `${businessName}: แจ้งเตือนชำระเงิน ${content.invoiceNumber} (${status.text})`,
          `${businessName}: payment reminder for ${content.invoiceNumber} (${status.text})`,
        ),
        preheader: pick(lang, `ยอดค้างชำระ ${amount}`, `Balance due ${amount}`),
        title: pick(lang, 'แจ้งเตือนการชำระเงิน', 'Payment reminder'),
        badge: { text: capitalized(status.text), tone: status.tone },
        intro: pick(lang, `${invoiceName} ${content.invoiceNumber} ${status.text}`, `Invoice ${content.invoiceNumber} is ${status.text}.`),
        highlight: { label: pick(lang, 'ยอดค้างชำระ', 'Balance due'), value: amount, tone: status.tone === 'danger' ? 'danger' : 'default' },
        facts: [
          { label: invoiceName, value: content.invoiceNumber },
          { label: pick(lang, 'ครบกำหนด', 'Due date'), value: date(content.dueDate), tone: status.tone },
        ],
        note: pick(lang, 'หากชำระเรียบร้อยแล้ว ขอบคุณค่ะ โปรดข้ามข้อความนี้', 'If you have already paid, thank you, and please ignore this message.'),
        button: { label: pick(lang, 'ชำระเงิน', 'Pay now'), url },
        summary: pick(lang, `แจ้งชำระ ${content.invoiceNumber} ${amount} ${status.text}`, `reminder: ${content.invoiceNumber} ${amount} ${status.text}`),
      };
    }
    case 'payment_received': {
      const remaining = content.balanceRemainingSatang;
      const amount = money(content.amountSatang, lang);
      const receiptName = RECEIPT_TYPE_LABELS.RC[lang];
      return {
        ...base,
        subject: pick(
          lang,
          `${businessName}: ได้รับชำระเงิน ${amount} ใบเสร็จ ${content.receiptNumber}`,
          `${businessName}: payment of ${amount} received, receipt ${content.receiptNumber}`,
        ),
        preheader: pick(lang, 'ขอบคุณสำหรับการชำระเงิน', 'Thank you for your payment'),
        title: pick(lang, 'ได้รับชำระเงินแล้ว ขอบคุณ', 'Payment received, thank you'),
        intro: pick(lang, `${receiptName}ของคุณพร้อมแล้ว ดูหรือดาวน์โหลดได้ตลอดเวลา`, 'Your receipt is ready to view or download at any time.'),
        highlight: { label: pick(lang, 'ยอดที่ได้รับ', 'Amount received'), value: amount, tone: 'success' },
        facts: [
          { label: pick(lang, 'ใบเสร็จ', 'Receipt no.'), value: content.receiptNumber },
          { label: invoiceName, value: content.invoiceNumber },
          { label: pick(lang, 'วันที่ชำระ', 'Paid on'), value: date(content.paidOn) },
          remaining > 0
            ? { label: pick(lang, 'คงค้าง', 'Still due'), value: money(remaining, lang), tone: 'warning' }
            : { label: pick(lang, 'สถานะ', 'Status'), value: pick(lang, 'ชำระครบแล้ว', 'Paid in full'), tone: 'success' },
        ],
        button: { label: pick(lang, 'ดูใบเสร็จ', 'View receipt'), url },
        summary: pick(lang, `ได้รับชำระ ${amount} แล้ว ใบเสร็จ ${content.receiptNumber}`, `payment of ${amount} received, receipt ${content.receiptNumber}`),
      };
    }
    case 'job_stage': {
      // Named from the stage, not the label stored when queued, so a queued message uses today's wording.
      const stage = STAGE_LABELS[content.stage]?.[lang] ?? content.stageLabel;
      return {
        ...base,
        subject: pick(lang, `${businessName}: งาน ${content.jobNumber} ${stage}`, `${businessName}: job ${content.jobNumber} — ${stage}`),
        preheader: stage,
        title: pick(lang, 'อัปเดตสถานะงาน', 'Job update'),
        intro: pick(lang, `งาน ${content.jobNumber} มีสถานะใหม่`, `Job ${content.jobNumber} has moved on.`),
        highlight: { label: pick(lang, 'สถานะล่าสุด', 'Current stage'), value: stage, tone: 'default' },
        facts: [
          { label: pick(lang, 'งาน', 'Job'), value: content.jobNumber },
          { label: pick(lang, 'รายละเอียด', 'Title'), value: content.jobTitle },
        ],
        note: content.note,
        button: { label: pick(lang, 'ดูรายละเอียดงาน', 'View job'), url },
        summary: pick(lang, `งาน ${content.jobNumber}: ${stage}`, `job ${content.jobNumber}: ${stage}`),
      };
    }
    case 'payment_voided': {
      const amount = money(content.amountSatang, lang);
      const creditNoteName = DOCUMENT_KIND_LABELS.credit_note[lang];
      return {
        ...base,
        subject: pick(
          lang,
          `${businessName}: ยกเลิกรายการชำระเงิน ${amount} ใบแจ้งหนี้ ${content.invoiceNumber}`,
          `${businessName}: payment of ${amount} for invoice ${content.invoiceNumber} cancelled`,
        ),
        preheader: pick(lang, 'รายการชำระเงินที่บันทึกผิดถูกยกเลิกแล้ว', 'A payment recorded in error has been cancelled'),
        title: pick(lang, 'ยกเลิกรายการชำระเงิน', 'Payment cancelled'),
        badge: { text: RECEIPT_CANCELLED[lang], tone: 'warning' },
        intro: pick(
          lang,
          `รายการชำระเงินตาม${invoiceName} ${content.invoiceNumber} ถูกบันทึกผิดและได้ยกเลิกแล้ว${content.receiptNumber ? ` ใบเสร็จ ${content.receiptNumber} จึงถูกยกเลิก` : ''}`,
          `A payment for invoice ${content.invoiceNumber} was recorded in error and has been cancelled${content.receiptNumber ? `, and so has receipt ${content.receiptNumber}` : ''}.`,
        ),
        highlight: { label: pick(lang, 'ยอดที่ยกเลิก', 'Amount cancelled'), value: amount, tone: 'warning' },
        facts: [
          { label: invoiceName, value: content.invoiceNumber },
          ...(content.receiptNumber ? [{ label: pick(lang, 'ใบเสร็จที่ยกเลิก', 'Cancelled receipt'), value: content.receiptNumber }] : []),
          ...(content.creditNoteNumber ? [{ label: creditNoteName, value: content.creditNoteNumber }] : []),
          { label: pick(lang, 'เหตุผล', 'Reason'), value: content.reason },
          content.balanceDueSatang > 0
            ? { label: pick(lang, 'ยอดค้างชำระ', 'Balance due'), value: money(content.balanceDueSatang, lang), tone: 'warning' as Tone }
            : { label: pick(lang, 'ยอดค้างชำระ', 'Balance due'), value: money(0, lang) },
        ],
        note: pick(lang, 'หากมีข้อสงสัย กรุณาติดต่อเรา', 'If anything is unclear, please contact us.'),
        button: { label: pick(lang, 'ดูรายละเอียด', 'View details'), url },
        summary: pick(lang, `ยกเลิกรายการชำระ ${amount} ใบแจ้งหนี้ ${content.invoiceNumber}`, `payment of ${amount} for ${content.invoiceNumber} cancelled`),
      };
    }
    case 'deposit_received': {
      const amount = money(content.amountSatang, lang);
      const deposit = SECURITY_DEPOSIT[lang];
      const receiptName = RECEIPT_TYPE_LABELS.DEPR[lang];
      const stillDue = Math.max(content.requiredSatang - content.heldSatang, 0);
      return {
        ...base,
        subject: pick(
          lang,
          `${businessName}: ได้รับ${deposit} ${amount} ${receiptName} ${content.receiptNumber}`,
          `${businessName}: security deposit of ${amount} received, receipt ${content.receiptNumber}`,
        ),
        preheader: pick(lang, `ได้รับ${deposit}แล้ว ขอบคุณ`, 'Security deposit received, thank you'),
        title: pick(lang, `ได้รับ${deposit}แล้ว ขอบคุณ`, 'Security deposit received, thank you'),
        intro: pick(
          lang,
          `${receiptName}ของคุณพร้อมแล้ว ${deposit}จะคืนให้เมื่อจบงาน ดูรายละเอียดได้ในพอร์ทัล`,
          'Your receipt is ready. The deposit is refundable when the job ends; the details are in your portal.',
        ),
        highlight: { label: pick(lang, 'ยอดที่ได้รับ', 'Amount received'), value: amount, tone: 'success' },
        facts: [
          { label: receiptName, value: content.receiptNumber },
          { label: deposit, value: content.depositNumber },
          ...(content.jobNumber ? [{ label: pick(lang, 'งาน', 'Job'), value: content.jobNumber }] : []),
          { label: pick(lang, 'วันที่ชำระ', 'Paid on'), value: date(content.paidOn) },
          stillDue > 0
            ? { label: pick(lang, 'คงค้าง', 'Still due'), value: money(stillDue, lang), tone: 'warning' as Tone }
            : { label: pick(lang, 'สถานะ', 'Status'), value: pick(lang, 'ชำระครบแล้ว', 'Paid in full'), tone: 'success' as Tone },
        ],
        button: { label: pick(lang, 'ดูใบเสร็จ', 'View receipt'), url },
        summary: pick(
          lang,
          `ได้รับ${deposit} ${amount} แล้ว ใบเสร็จ ${content.receiptNumber}`,
          `security deposit of ${amount} received, receipt ${content.receiptNumber}`,
        ),
      };
    }
    case 'deposit_returned': {
      const returned = money(content.returnedSatang, lang);
      const deposit = SECURITY_DEPOSIT[lang];
      return {
        ...base,
        subject: pick(lang, `${businessName}: คืน${deposit} ${returned}`, `${businessName}: security deposit returned, ${returned}`),
        preheader: `${deposit} ${content.depositNumber}`,
        title: pick(lang, `คืน${deposit}แล้ว`, 'Security deposit returned'),
        intro: pick(
          lang,
          `เราได้คืน${deposit}ของคุณแล้ว รายละเอียดและเอกสารอยู่ในพอร์ทัล`,
          'We have returned your security deposit; the details and the document are in your portal.',
        ),
        highlight: { label: pick(lang, `ยอดคืน${deposit}`, 'Amount returned'), value: returned, tone: 'success' },
        facts: [
          { label: deposit, value: content.depositNumber },
          ...(content.jobNumber ? [{ label: pick(lang, 'งาน', 'Job'), value: content.jobNumber }] : []),
          ...(content.deductedSatang > 0
            ? [
                { label: pick(lang, 'หักค่าใช้จ่าย', 'Deducted'), value: money(content.deductedSatang, lang), tone: 'warning' as Tone },
                { label: pick(lang, 'เหตุผล', 'Reason'), value: content.reason ?? '-' },
              ]
            : []),
          ...(content.receiptNumber ? [{ label: RECEIPT_TYPE_LABELS.DEPRR[lang], value: content.receiptNumber }] : []),
        ],
        button: { label: pick(lang, 'ดูรายละเอียด', 'View details'), url },
        summary: pick(lang, `คืน${deposit} ${returned} แล้ว`, `security deposit of ${returned} returned`),
      };
    }
  }
}
