/** Typed staff commands (parse-command.ts) → use cases → answers. */
import { helpCard } from '../flex/staff-messages.ts';
import { liffUrlBuilder } from '../liff-url.ts';
import { pick } from '../flex/format.ts';
import { getInvoiceByNumber, getJobForStaff } from '../../server/services/staff-queries.ts';
import { HELP_COMMANDS, type Command, type Target } from './parse-command.ts';
import { staffMenu, textMessage, withQuickReplies, type Answer } from './answers.ts';
import { chooseCustomerAnswer, findAnswer, notFoundAnswer, resolveCustomer } from './customer-answers.ts';
import { pendingSlipsAnswer } from './slip-review-actions.ts';
import { collectDepositCommand, deductCommand, payCommand, returnDepositCommand } from './money-actions.ts';
import { linkAnswer, moveStageAnswer, overdueAnswer, remindAnswer, revokeConfirmAnswer, stageChooserAnswer, type StaffContext } from './staff-actions.ts';

/** The staff app inside LINE (https://liff.line.me/<STAFF_LIFF_ID>), or null before it is configured. */
function staffAppUrl(s: StaffContext): string | null {
  const id = s.ctx.config.line.staffLiffId;
  return id ? liffUrlBuilder(id)('') : null;
}

function usage(s: StaffContext, th: string, en: string): Answer {
  return [textMessage(pick(s.lang, `พิมพ์: ${th}`, `Type: ${en}`), staffMenu(s.lang))];
}

async function linkCommand(s: StaffContext, target: Target): Promise<Answer> {
  if (target.kind === 'document' && (target.prefix === 'QT' || target.prefix === 'INV' || target.prefix === 'TAX')) {
    const resolved = await resolveCustomer(s.ctx, target);
    if (resolved.kind !== 'one' || !resolved.document) return notFoundAnswer(s.lang, target);
    return linkAnswer(s, resolved.document.type === 'quote' ? 'quote' : 'invoice', resolved.document.id);
  }
  const resolved = await resolveCustomer(s.ctx, target);
  if (resolved.kind === 'none') return notFoundAnswer(s.lang, target);
  if (resolved.kind === 'many') {
    const query = target.kind === 'text' ? target.text : target.number;
    return chooseCustomerAnswer(s.ctx, s.lang, resolved.matches, query, { th: 'กด "ลิงก์พอร์ทัล"', en: 'tap "Portal link"' });
  }
  return linkAnswer(s, 'customer', resolved.customerId);
}

async function remindCommand(s: StaffContext, target: Target): Promise<Answer> {
  if (target.kind === 'document') {
    if (target.prefix !== 'INV') {
      return [
        textMessage(
          pick(
            s.lang,
            `${target.number} ไม่ใช่เลขใบแจ้งหนี้ พิมพ์เช่น "เตือน INV-2026-0001"`,
            `${target.number} is not an invoice number. Type e.g. "remind INV-2026-0001".`,
          ),
          staffMenu(s.lang),
        ),
      ];
    }
    const invoice = await getInvoiceByNumber(s.ctx, target.number);
    return remindAnswer(s, invoice.id, invoice.number);
  }
  // A name: show that customer's overdue invoices, each with its own [remind] button.
  const resolved = await resolveCustomer(s.ctx, target);
  if (resolved.kind === 'none') return notFoundAnswer(s.lang, target);
  if (resolved.kind === 'many')
    return chooseCustomerAnswer(s.ctx, s.lang, resolved.matches, target.text, { th: 'กด "ส่งแจ้งเตือนชำระเงิน"', en: 'tap "Send payment reminder"' });
  return overdueAnswer(s, resolved.customerId);
}

async function overdueCommand(s: StaffContext, query: string): Promise<Answer> {
  if (!query) return overdueAnswer(s);
  const target: Target = { kind: 'text', text: query };
  const resolved = await resolveCustomer(s.ctx, target);
  if (resolved.kind === 'none') return notFoundAnswer(s.lang, target);
  if (resolved.kind === 'many') return chooseCustomerAnswer(s.ctx, s.lang, resolved.matches, query, { th: 'ดูยอดค้าง', en: 'check the balance' });
  return overdueAnswer(s, resolved.customerId);
}

async function revokeCommand(s: StaffContext, target: Target): Promise<Answer> {
  const resolved = await resolveCustomer(s.ctx, target);
  if (resolved.kind === 'none') return notFoundAnswer(s.lang, target);
  if (resolved.kind === 'many') {
    const query = target.kind === 'text' ? target.text : target.number;
    return chooseCustomerAnswer(s.ctx, s.lang, resolved.matches, query, { th: `พิมพ์ "ยกเลิกลิงก์" ตามด้วยชื่อเต็ม`, en: 'type "revoke" with the full name' });
  }
  return revokeConfirmAnswer(s, resolved.customerId);
}

async function stageCommand(s: StaffContext, command: Extract<Command, { kind: 'stage' }>): Promise<Answer> {
  if (command.notAJob) {
    return [
      textMessage(
        pick(s.lang, `${command.notAJob} ไม่ใช่เลขงาน พิมพ์เช่น "สถานะ JOB-2026-0001"`, `${command.notAJob} is not a job number. Type e.g. "stage JOB-2026-0001".`),
        staffMenu(s.lang),
      ),
    ];
  }
  if (!command.jobNumber)
    return usage(s, 'สถานะ <เลขงาน> [สถานะใหม่] เช่น "สถานะ JOB-2026-0001 กำลังจัดส่ง"', 'stage <job no.> [new stage], e.g. "stage JOB-2026-0001 delivering"');
  if (!command.stageText) return stageChooserAnswer(s, { number: command.jobNumber });
  if (!command.stage) {
    return stageChooserAnswer(
      s,
      { number: command.jobNumber },
      pick(s.lang, `ไม่รู้จักสถานะ "${command.stageText}" เลือกจากปุ่มด้านล่าง`, `Unknown stage "${command.stageText}"; pick one below.`),
    );
  }
  const job = await getJobForStaff(s.ctx, { number: command.jobNumber });
  return moveStageAnswer(s, job.id, command.stage, job.stage);
}

export async function runStaffCommand(s: StaffContext, command: Command): Promise<Answer> {
  switch (command.kind) {
    case 'empty':
    case 'help':
      return withQuickReplies([helpCard(s.lang, HELP_COMMANDS[s.lang], staffAppUrl(s))], staffMenu(s.lang));
    case 'enrol':
      return [textMessage(pick(s.lang, 'คุณลงทะเบียนเป็นพนักงานอยู่แล้ว', 'You are already enrolled as staff.'), staffMenu(s.lang))];
    case 'find':
      if (!command.query) return usage(s, 'ค้นหา <ชื่อ เบอร์โทร อีเมล หรือเลขเอกสาร>', 'find <name, phone, email or document no.>');
      return findAnswer(s.ctx, s.lang, command.query);
    case 'link':
      if (!command.target) return usage(s, 'ลิงก์ <ชื่อลูกค้า / เลขใบเสนอราคา / เลขใบแจ้งหนี้>', 'link <customer / quote no. / invoice no.>');
      return linkCommand(s, command.target);
    case 'remind':
      if (!command.target) return usage(s, 'เตือน <เลขใบแจ้งหนี้> เช่น "เตือน INV-2026-0001"', 'remind <invoice no.>, e.g. "remind INV-2026-0001"');
      return remindCommand(s, command.target);
    case 'overdue':
      return overdueCommand(s, command.query);
    case 'stage':
      return stageCommand(s, command);
    case 'slips':
      return pendingSlipsAnswer(s);
    case 'revoke':
      if (!command.target) return usage(s, 'ยกเลิกลิงก์ <ชื่อลูกค้า>', 'revoke <customer>');
      return revokeCommand(s, command.target);
    case 'pay':
      return payCommand(s, command);
    case 'collectDeposit':
      return collectDepositCommand(s, command);
    case 'returnDeposit':
      return returnDepositCommand(s, command);
    case 'deduct':
      return deductCommand(s, command);
  }
}
