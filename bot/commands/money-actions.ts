/**
 * Money staff record from LINE: a payment against an invoice and a security deposit collected.
 * A typed command only shows what would be recorded; the money is recorded when staff press
 * Confirm. The Confirm button carries a one-time nonce used as an Idempotency-Key
 * (services/idempotent-request.ts), so a double tap or a redelivered postback records once and
 * the second press is told the first one's receipt.
 */
import { randomBytes } from 'node:crypto';
import { PAYMENT_METHOD_LABELS, SECURITY_DEPOSIT, type PaymentMethod } from '../../server/domain/labels.ts';
import { getDepositForStaff, previewDepositCollection, previewPayment } from '../../server/services/money-for-staff.ts';
import { recordPayment } from '../../server/services/payments.ts';
import { collectDeposit } from '../../server/services/deposits.ts';
import { requestHash, runIdempotent } from '../../server/services/idempotent-request.ts';
import { refundQrPath } from '../../server/services/refund-qr.ts';
import { money, pick } from '../flex/format.ts';
import { confirmCard } from '../flex/staff-messages.ts';
import { PB } from '../flex/postback.ts';
import { postbackItem, staffMenu, textMessage, typeItem, type Answer } from './answers.ts';
import { depositReturnSummary, type DepositReturnSummaryInput } from '../flex/money-cards.ts';
import {
  addDeduction,
  cancelPendingReturn,
  confirmPendingReturn,
  getPendingReturn,
  startDepositReturn,
  type PendingReturn,
} from '../../server/services/staff-deposit-return.ts';
import type { Command } from './parse-command.ts';
import { actorLabel, type StaffContext } from './staff-actions.ts';

/** A fresh one-time key for one Confirm button. */
export function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

export const NONCE = /^[A-Za-z0-9_-]{8,32}$/;

const methodLabel = (s: StaffContext, method: PaymentMethod) => PAYMENT_METHOD_LABELS[method][s.lang];

function say(s: StaffContext, th: string, en: string): Answer {
  return [textMessage(pick(s.lang, th, en), staffMenu(s.lang))];
}

function wrongNumber(s: StaffContext, number: string, example: { th: string; en: string }): Answer {
  return say(s, `${number} ไม่ใช่เลขที่ใช้กับคำสั่งนี้ พิมพ์เช่น "${example.th}"`, `${number} is not the right kind of number here. Type e.g. "${example.en}".`);
}

// ---------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------

const PAY_EXAMPLE = { th: 'รับเงิน INV-2026-0001 23,456', en: 'paid INV-2026-0001 23456.50' };

export async function payCommand(s: StaffContext, command: Extract<Command, { kind: 'pay' }>): Promise<Answer> {
  if (command.wrongPrefix) return wrongNumber(s, command.wrongPrefix, PAY_EXAMPLE);
  if (!command.number || command.amountSatang === null) {
    return say(
      s,
      `พิมพ์: รับเงิน <เลขใบแจ้งหนี้> <จำนวนเงิน> [เงินสด/โอน/เช็ค/บัตร] เช่น "${PAY_EXAMPLE.th}"`,
      `Type: paid <invoice no.> <amount> [cash/transfer/cheque/card], e.g. "${PAY_EXAMPLE.en}"`,
    );
  }
  const invoice = await previewPayment(s.ctx, { number: command.number, amountSatang: command.amountSatang });
  const amount = money(command.amountSatang, s.lang);
  const after = invoice.balanceSatang - command.amountSatang;
  return [
    confirmCard({
      lang: s.lang,
      title: pick(s.lang, `บันทึกรับเงิน ${amount} สำหรับ ${invoice.number} ?`, `Record ${amount} received for ${invoice.number}?`),
      body: pick(
        s.lang,
        `ลูกค้า: ${invoice.customerName}\nวิธีชำระ: ${methodLabel(s, command.method)}\nยอดค้างชำระ: ${money(invoice.balanceSatang, s.lang)}\nคงเหลือหลังรับเงิน: ${money(after, s.lang)}\nกดยืนยันเพื่อบันทึกและส่งใบเสร็จให้ลูกค้า`,
        `Customer: ${invoice.customerName}\nMethod: ${methodLabel(s, command.method)}\nBalance due: ${money(invoice.balanceSatang, s.lang)}\nLeft after this: ${money(after, s.lang)}\nConfirm to record it and send the client the receipt.`,
      ),
      confirm: { a: PB.payConfirm, i: invoice.id, s: command.amountSatang, m: command.method, n: newNonce() },
    }),
  ];
}

export async function payConfirmAnswer(
  s: StaffContext,
  input: { invoiceId: string; amountSatang: number; method: PaymentMethod; nonce: string },
): Promise<Answer> {
  const request = { invoiceId: input.invoiceId, amountSatang: input.amountSatang, method: input.method };
  const outcome = await runIdempotent(
    s.ctx,
    { scope: `bot.recordPayment:${s.staff.id}`, key: input.nonce, requestHash: requestHash(request) },
    async (joined) => {
      const result = await recordPayment(joined, { ...request, recordedBy: actorLabel(s.staff) });
      return {
        status: 201,
        body: {
          invoiceNumber: result.invoice.number,
          receiptNumber: result.receipt.number,
          taxInvoiceNumber: result.payment.taxInvoiceNumber,
          balanceSatang: result.invoice.balanceSatang,
        },
      };
    },
  );
  const done = outcome.body as { invoiceNumber: string; receiptNumber: string; taxInvoiceNumber: string | null; balanceSatang: number };
  const amount = money(input.amountSatang, s.lang);
  if (outcome.replayed) {
    return say(
      s,
      `รายการนี้บันทึกไปแล้ว (ใบเสร็จ ${done.receiptNumber}) ไม่ได้บันทึกซ้ำ`,
      `This was already recorded (receipt ${done.receiptNumber}); not recorded again.`,
    );
  }
  const tax = done.taxInvoiceNumber ? pick(s.lang, `\nใบกำกับภาษี ${done.taxInvoiceNumber}`, `\nTax invoice ${done.taxInvoiceNumber}`) : '';
  const left =
    done.balanceSatang === 0
      ? pick(s.lang, `${done.invoiceNumber} ชำระครบแล้ว`, `${done.invoiceNumber} is paid in full.`)
      : pick(s.lang, `ยอดคงเหลือ ${money(done.balanceSatang, s.lang)}`, `Balance still due: ${money(done.balanceSatang, s.lang)}`);
  return say(
    s,
    `บันทึกรับเงิน ${amount} สำหรับ ${done.invoiceNumber} แล้ว\nใบเสร็จ ${done.receiptNumber}${tax}\n${left}\nส่งใบเสร็จให้ลูกค้าแล้ว`,
    `Recorded ${amount} for ${done.invoiceNumber}.\nReceipt ${done.receiptNumber}${tax}\n${left}\nThe receipt is on its way to the client.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Deposit collections
// ---------------------------------------------------------------------------------------------

const COLLECT_EXAMPLE = { th: 'รับเงินประกัน DEP-2026-0001 5,000', en: 'deposit DEP-2026-0001 5000' };

export async function collectDepositCommand(s: StaffContext, command: Extract<Command, { kind: 'collectDeposit' }>): Promise<Answer> {
  if (command.wrongPrefix) return wrongNumber(s, command.wrongPrefix, COLLECT_EXAMPLE);
  if (!command.number || command.amountSatang === null) {
    return say(
      s,
      `พิมพ์: รับเงินประกัน <เลขเงินประกัน> <จำนวนเงิน> [เงินสด/โอน] เช่น "${COLLECT_EXAMPLE.th}"`,
      `Type: deposit <deposit no.> <amount> [cash/transfer], e.g. "${COLLECT_EXAMPLE.en}"`,
    );
  }
  const deposit = await previewDepositCollection(s.ctx, { number: command.number, amountSatang: command.amountSatang });
  const amount = money(command.amountSatang, s.lang);
  return [
    confirmCard({
      lang: s.lang,
      title: pick(
        s.lang,
        `บันทึกรับ${SECURITY_DEPOSIT.th} ${amount} สำหรับ ${deposit.number} ?`,
        `Record ${amount} ${SECURITY_DEPOSIT.en.toLowerCase()} collected for ${deposit.number}?`,
      ),
      body: pick(
        s.lang,
        `ลูกค้า: ${deposit.customerName}\nวิธีชำระ: ${methodLabel(s, command.method)}\nยังต้องเก็บ: ${money(deposit.outstandingSatang, s.lang)}\nกดยืนยันเพื่อบันทึกและออกใบรับเงินประกัน`,
        `Customer: ${deposit.customerName}\nMethod: ${methodLabel(s, command.method)}\nStill to collect: ${money(deposit.outstandingSatang, s.lang)}\nConfirm to record it and issue the deposit receipt.`,
      ),
      confirm: { a: PB.depositConfirm, d: deposit.id, s: command.amountSatang, m: command.method, n: newNonce() },
    }),
  ];
}

export async function depositConfirmAnswer(
  s: StaffContext,
  input: { depositId: string; amountSatang: number; method: PaymentMethod; nonce: string },
): Promise<Answer> {
  const deposit = await getDepositForStaff(s.ctx, { id: input.depositId });
  const request = { depositId: input.depositId, amountSatang: input.amountSatang, method: input.method };
  const outcome = await runIdempotent(
    s.ctx,
    { scope: `bot.collectDeposit:${s.staff.id}`, key: input.nonce, requestHash: requestHash(request) },
    async (joined) => {
      const result = await collectDeposit(joined, { ...request, recordedBy: actorLabel(s.staff) });
      return {
        status: 201,
        body: { receiptNumber: result.receipt.number, heldSatang: result.deposit.heldSatang, requiredSatang: result.deposit.requiredSatang },
      };
    },
  );
  const done = outcome.body as { receiptNumber: string; heldSatang: number; requiredSatang: number };
  if (outcome.replayed) {
    return say(
      s,
      `รายการนี้บันทึกไปแล้ว (ใบรับเงิน ${done.receiptNumber}) ไม่ได้บันทึกซ้ำ`,
      `This was already recorded (receipt ${done.receiptNumber}); not recorded again.`,
    );
  }
  const amount = money(input.amountSatang, s.lang);
  return say(
    s,
    `บันทึกรับ${SECURITY_DEPOSIT.th} ${amount} สำหรับ ${deposit.number} แล้ว\nใบรับเงิน ${done.receiptNumber}\nถืออยู่ ${money(done.heldSatang, s.lang)} จาก ${money(done.requiredSatang, s.lang)}`,
    `Recorded ${amount} for deposit ${deposit.number}.\nReceipt ${done.receiptNumber}\nHeld: ${money(done.heldSatang, s.lang)} of ${money(done.requiredSatang, s.lang)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Deposit returns: start, deductions typed line by line, summary, confirm
// ---------------------------------------------------------------------------------------------

const RETURN_EXAMPLE = { th: 'คืนเงินประกัน DEP-2026-0001', en: 'return DEP-2026-0001' };

function returnQuickReplies(s: StaffContext) {
  return [
    typeItem(pick(s.lang, 'สรุปและคืน', 'Summary'), pick(s.lang, 'คืน', 'done')),
    postbackItem(pick(s.lang, 'ยกเลิก', 'Cancel'), { a: PB.returnCancel }, pick(s.lang, 'ยกเลิก', 'Cancel')),
  ];
}

function deductionLines(s: StaffContext, pending: PendingReturn): string {
  return pending.deductions.map((d, i) => `${i + 1}. ${d.reason} -${money(d.amountSatang, s.lang)}`).join('\n');
}

export async function returnDepositCommand(s: StaffContext, command: Extract<Command, { kind: 'returnDeposit' }>): Promise<Answer> {
  if (command.wrongPrefix) return wrongNumber(s, command.wrongPrefix, RETURN_EXAMPLE);
  if (!command.number) {
    const pending = await getPendingReturn(s.ctx, s.staff.id);
    if (pending) return returnSummaryAnswer(s, pending);
    return say(s, `พิมพ์: คืนเงินประกัน <เลขเงินประกัน> เช่น "${RETURN_EXAMPLE.th}"`, `Type: return <deposit no.>, e.g. "${RETURN_EXAMPLE.en}"`);
  }
  const pending = await startDepositReturn(s.ctx, { staffId: s.staff.id, depositNumber: command.number });
  const held = money(pending.deposit.remainingHeldSatang, s.lang);
  const text = pick(
    s.lang,
    `คืน${SECURITY_DEPOSIT.th} ${pending.deposit.number} (${pending.deposit.customerName})\nถืออยู่ ${held}\n\nมีหักไหม? พิมพ์ทีละรายการ เช่น\nหัก 500 สายไมค์ชำรุด\nครบแล้วพิมพ์ "คืน" เพื่อดูสรุปก่อนยืนยัน (ไม่มีหักก็พิมพ์ "คืน" ได้เลย)`,
    `Return deposit ${pending.deposit.number} (${pending.deposit.customerName})\nHeld: ${held}\n\nAny deductions? Type one per line, e.g.\ndeduct 500 broken cable\nThen type "done" for the summary to confirm (no deductions: just type "done").`,
  );
  return [textMessage(text, returnQuickReplies(s))];
}

export async function deductCommand(s: StaffContext, command: Extract<Command, { kind: 'deduct' }>): Promise<Answer> {
  if (command.amountSatang === null || !command.reason.trim()) {
    return say(s, 'พิมพ์: หัก <จำนวนเงิน> <เหตุผล> เช่น "หัก 500 สายไมค์ชำรุด"', 'Type: deduct <amount> <reason>, e.g. "deduct 500 broken cable"');
  }
  const pending = await addDeduction(s.ctx, { staffId: s.staff.id, amountSatang: command.amountSatang, reason: command.reason });
  if (!pending) {
    return say(
      s,
      `ไม่มีการคืนเงินประกันที่ทำค้างอยู่ (หรือหมดเวลาแล้ว) เริ่มด้วย "${RETURN_EXAMPLE.th}"`,
      `No deposit return is in progress (or it timed out). Start with "${RETURN_EXAMPLE.en}".`,
    );
  }
  const text = pick(
    s.lang,
    `${pending.deposit.number} รายการหัก:\n${deductionLines(s, pending)}\nคืนลูกค้า ${money(pending.refundSatang, s.lang)}\n\nหักเพิ่มพิมพ์ "หัก <จำนวน> <เหตุผล>" ครบแล้วพิมพ์ "คืน"`,
    `${pending.deposit.number} deductions:\n${deductionLines(s, pending)}\nRefund: ${money(pending.refundSatang, s.lang)}\n\nMore: "deduct <amount> <reason>". Finished: "done".`,
  );
  return [textMessage(text, returnQuickReplies(s))];
}

async function returnSummaryAnswer(s: StaffContext, pending: PendingReturn): Promise<Answer> {
  return [
    depositReturnSummary({
      lang: s.lang,
      depositNumber: pending.deposit.number,
      customerName: pending.deposit.customerName,
      heldSatang: pending.deposit.remainingHeldSatang,
      deductions: pending.deductions,
      refundSatang: pending.refundSatang,
      refundTo: refundTarget(s, pending),
      confirm: { a: PB.returnConfirm, d: pending.deposit.id, s: pending.refundSatang, k: pending.deductedSatang, n: newNonce() },
      cancel: { a: PB.returnCancel },
    }),
  ];
}

export async function returnConfirmAnswer(
  s: StaffContext,
  input: { depositId: string; refundSatang: number; deductedSatang: number; nonce: string },
): Promise<Answer> {
  const request = { depositId: input.depositId, refundSatang: input.refundSatang, deductedSatang: input.deductedSatang };
  const outcome = await runIdempotent(
    s.ctx,
    { scope: `bot.returnDeposit:${s.staff.id}`, key: input.nonce, requestHash: requestHash(request) },
    async (joined) => {
      const deposit = await getDepositForStaff(joined, { id: input.depositId });
      const result = await confirmPendingReturn(joined, {
        ...request,
        staffId: s.staff.id,
        // A refund to the client's own PromptPay is the norm once they gave one; otherwise the way is not known here.
        method: deposit.refundPromptPayId ? 'promptpay' : null,
        recordedBy: actorLabel(s.staff),
      });
      return { status: 201, body: { depositNumber: result.deposit.number, receiptNumber: result.receipt?.number ?? null } };
    },
  );
  const done = outcome.body as { depositNumber: string; receiptNumber: string | null };
  if (outcome.replayed) {
    return say(
      s,
      `รายการนี้บันทึกไปแล้ว${done.receiptNumber ? ` (ใบรับคืน ${done.receiptNumber})` : ''} ไม่ได้บันทึกซ้ำ`,
      `This was already recorded${done.receiptNumber ? ` (receipt ${done.receiptNumber})` : ''}; not recorded again.`,
    );
  }
  const refund = money(input.refundSatang, s.lang);
  const kept = input.deductedSatang > 0 ? pick(s.lang, `\nหักไว้ ${money(input.deductedSatang, s.lang)}`, `\nKept: ${money(input.deductedSatang, s.lang)}`) : '';
  if (!done.receiptNumber) {
    // A forfeit: nothing goes back to the client, so there is no refund receipt to send.
    return say(
      s,
      `บันทึกริบ${SECURITY_DEPOSIT.th} ${done.depositNumber} แล้ว: ไม่มีเงินคืน${kept}\nไม่มีใบรับคืนเงิน (ไม่มีการคืนเงิน)`,
      `Deposit ${done.depositNumber} forfeited: nothing refunded${kept}\nNo refund receipt (nothing was refunded).`,
    );
  }
  return say(
    s,
    `บันทึกคืน${SECURITY_DEPOSIT.th} ${done.depositNumber} แล้ว: คืน ${refund}${kept}\nใบรับคืนเงินประกัน ${done.receiptNumber} ส่งให้ลูกค้าแล้ว`,
    `Deposit ${done.depositNumber} returned: ${refund} refunded${kept}\nReceipt ${done.receiptNumber} is on its way to the client.`,
  );
}

export async function returnCancelAnswer(s: StaffContext): Promise<Answer> {
  const cancelled = await cancelPendingReturn(s.ctx, s.staff.id);
  return cancelled
    ? say(s, 'ยกเลิกการคืนเงินประกันแล้ว ไม่มีอะไรบันทึก', 'Deposit return cancelled; nothing was recorded.')
    : say(s, 'ไม่มีการคืนเงินประกันที่ทำค้างอยู่', 'No deposit return was in progress.');
}

/**
 * Where the refund goes: the client's own PromptPay (given in the portal), with a signed QR for
 * exactly the refund. The image is shown in the card when the public URL is HTTPS (LINE's rule);
 * otherwise staff get a button to open it.
 */
function refundTarget(s: StaffContext, pending: PendingReturn): DepositReturnSummaryInput['refundTo'] {
  const promptPayId = pending.deposit.refundPromptPayId;
  if (!promptPayId || pending.refundSatang <= 0) return null;
  const base = s.ctx.config.publicUrl;
  const url = base ? `${base}${refundQrPath(s.ctx, { depositId: pending.deposit.id, amountSatang: pending.refundSatang, promptPayId })}` : null;
  return { id: promptPayId, qrImageUrl: url?.startsWith('https://') ? url : null, qrPageUrl: url };
}
