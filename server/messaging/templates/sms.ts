/**
 * SMS: one short line with the link. Thai SMS travel as UCS-2 (70 characters a segment), so the
 * wording is terse, names are clamped and the short link (no deep path) is used.
 */
import { formatDate, formatDateTime, type Lang } from '../../domain/dates.ts';
import { formatBahtWithSymbol } from '../../domain/money.ts';
import { buttonUrl, type ContentOf, type MessageContent } from '../message-content.ts';

const pick = <T>(lang: Lang, th: T, en: T): T => (lang === 'th' ? th : en);

function clamp(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length <= max ? flat : `${[...flat].slice(0, max - 1).join('')}…`;
}

/** No link: who was connected, when, and whom to call if it was not the client. */
function lineConnectedSms(content: ContentOf<'line_connected'>): string {
  const { lang } = content;
  const who = clamp(content.lineDisplayName ?? 'LINE', 20);
  const when = formatDateTime(new Date(content.connectedAt), lang);
  const contact = content.businessPhone ?? content.businessLineOaId;
  const report = contact ? pick(lang, ` หากไม่ใช่คุณ ติดต่อ ${contact}`, ` Not you? Contact ${contact}`) : pick(lang, ' หากไม่ใช่คุณ โปรดแจ้งร้าน', ' Not you? Tell us.');
  return `${clamp(content.businessName, 30)}: ${pick(lang, `บัญชี LINE "${who}" เชื่อมกับข้อมูลของคุณ ${when}`, `LINE account "${who}" was connected to your account ${when}.`)}${report}`;
}

export function renderSms(content: MessageContent): string {
  if (content.kind === 'line_connected') return lineConnectedSms(content);
  const { lang } = content;
  const money = (satang: number) => formatBahtWithSymbol(satang, lang);
  const day = (ymd: string) => formatDate(ymd, lang, 'short');
  const what = ((): string => {
    switch (content.kind) {
      case 'portal_link':
        return {
          customer: pick(lang, 'ลิงก์พอร์ทัลลูกค้าของคุณ', 'your client portal'),
          quote: pick(lang, `ใบเสนอราคา ${content.documentNumber ?? ''}`, `your quote ${content.documentNumber ?? ''}`),
          invoice: pick(lang, `ใบแจ้งหนี้ ${content.documentNumber ?? ''}`, `your invoice ${content.documentNumber ?? ''}`),
        }[content.scope];
      case 'quote_ready':
        return pick(lang, `ใบเสนอราคา ${content.quoteNumber} ยอด ${money(content.totalSatang)} ดูและลงนาม`, `quote ${content.quoteNumber} for ${money(content.totalSatang)}, view & sign`);
      case 'invoice':
        return pick(lang, `ใบแจ้งหนี้ ${content.invoiceNumber} ยอด ${money(content.amountDueSatang)} ครบกำหนด ${day(content.dueDate)}`, `invoice ${content.invoiceNumber} ${money(content.amountDueSatang)} due ${day(content.dueDate)}`);
      case 'payment_reminder': {
        const days = Math.trunc(content.daysOverdue);
        const status = days > 0 ? pick(lang, `เกินกำหนด ${days} วัน`, `${days}d overdue`) : days === 0 ? pick(lang, 'ครบกำหนดวันนี้', 'due today') : pick(lang, `ครบกำหนด ${day(content.dueDate)}`, `due ${day(content.dueDate)}`);
        return pick(lang, `แจ้งชำระ ${content.invoiceNumber} ยอด ${money(content.amountDueSatang)} ${status}`, `reminder: ${content.invoiceNumber} ${money(content.amountDueSatang)} ${status}`);
      }
      case 'payment_received':
        return pick(lang, `ได้รับชำระ ${money(content.amountSatang)} แล้ว ใบเสร็จ ${content.receiptNumber}`, `payment of ${money(content.amountSatang)} received, receipt ${content.receiptNumber}`);
      case 'job_stage':
        return pick(lang, `งาน ${content.jobNumber}: ${content.stageLabel}`, `job ${content.jobNumber}: ${content.stageLabel}`);
      case 'deposit_returned':
        return pick(lang, `คืนเงินมัดจำ ${money(content.returnedSatang)} แล้ว`, `deposit of ${money(content.returnedSatang)} returned`);
    }
  })();
  return `${clamp(content.businessName, 30)}: ${clamp(what, 90)} ${buttonUrl(content, 'sms')}`;
}
