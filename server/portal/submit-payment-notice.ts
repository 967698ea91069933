/**
 * "I have paid": a client sends the transfer slip (and, where tax was withheld, the 50 ทวิ) for
 * something their link may pay. The slip's type is sniffed from its bytes, its mini QR read; the
 * notice then waits for staff (services/payment-notices.ts). Nothing is stored when the input is
 * refused. The same file sent twice for the same target is the first notice again (a double tap).
 */
import type { AppContext } from '../services/context.ts';
import type { ResolvedLink } from '../services/links.ts';
import type { AccessMeta } from '../services/activity.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { parseNoticeTarget, type NoticeTarget } from '../domain/payment-notice.ts';
import { invoiceBalanceSatang } from '../domain/invoice-status.ts';
import { depositOutstandingSatang } from '../domain/deposit-status.ts';
import { formatBaht } from '../domain/money.ts';
import { CERTIFICATE_TYPES, MAX_UPLOAD_BYTES, SLIP_TYPES, sniffType } from '../payments/sniff-upload.ts';
import { zxingSlipReader, type SlipReader, type SlipReading } from '../payments/read-slip.ts';
import { sha256Hex, stageUpload, storeFile } from '../data/stored-files.ts';
import type { StagedBlob } from '../data/blob-store.ts';
import { duplicateSlip, findSlipUse } from '../services/payment-notices.ts';
import { paymentsChangedEvent } from '../services/portal-events.ts';
import { announceDuplicateSlip, announcePaymentNotice, type RefusedDuplicateSlip } from '../services/notices-for-staff.ts';
import { canSeeDeposit, canSeeInvoice } from './scope.ts';

/**
 * Who pays, with what they may see: a portal link, or a bound LINE account writing in chat
 * (customer-wide, as the customer's own portal; no link, so `id` is null).
 */
export type Payer = Pick<ResolvedLink, 'scope' | 'customerId' | 'quoteId' | 'invoiceId'> & { id: string | null };

export interface SubmitNoticeInput {
  link: Payer;
  target: unknown;
  amountSatang: number;
  slip: Uint8Array | null;
  withholdingCertificate: Uint8Array | null;
  meta: AccessMeta;
}

export interface SubmittedNotice {
  created: boolean;
  notice: { id: string; status: string; slip: SlipReading };
}

const refuse = (field: string, reason: string, message: string) => new DomainError('VALIDATION', message, { field, reason });

/** The balance this link may pay on the target, or a 404 (not visible) / 409 (nothing left to pay). */
async function payableBalance(ctx: AppContext, link: Payer, target: NoticeTarget) {
  if (target.kind === 'invoice') {
    const invoice = await ctx.db.invoice.findUnique({ where: { id: target.id } });
    if (!invoice || !canSeeInvoice(link, invoice)) throw notFound('Invoice');
    const balance = invoiceBalanceSatang(invoice.netPayableSatang, invoice.paidSatang);
    if ((invoice.status !== 'sent' && invoice.status !== 'partially_paid') || balance <= 0) {
      throw new DomainError('CONFLICT', `Invoice ${invoice.number} has nothing left to pay`, { reason: 'nothing_to_pay', status: invoice.status });
    }
    return { customerId: invoice.customerId, number: invoice.number, balance, withholding: invoice.withholdingSatang > 0 };
  }
  const deposit = await ctx.db.deposit.findUnique({ where: { id: target.id }, include: { quote: { select: { status: true } } } });
  // A deposit of a quote not yet accepted is not payable (nor visible): the same rule as the view.
  if (!deposit || !canSeeDeposit(link, { ...deposit, quoteStatus: deposit.quote?.status ?? null })) throw notFound('Deposit');
  const balance = depositOutstandingSatang(deposit);
  if (balance <= 0)
    throw new DomainError('CONFLICT', `Deposit ${deposit.number} has nothing left to pay`, { reason: 'nothing_to_pay', status: deposit.status });
  return { customerId: deposit.customerId, number: deposit.number, balance, withholding: false };
}

function slipOf(n: { slipReadable: boolean; slipSendingBank: string | null; slipTransRef: string | null }): SlipReading {
  return n.slipReadable && n.slipSendingBank && n.slipTransRef
    ? { readable: true, sendingBank: n.slipSendingBank, transRef: n.slipTransRef }
    : { readable: false };
}

export async function submitPaymentNotice(ctx: AppContext, input: SubmitNoticeInput, reader: SlipReader = zxingSlipReader): Promise<SubmittedNotice> {
  const target = parseNoticeTarget(input.target);
  if (!input.slip || input.slip.byteLength === 0) throw refuse('slip', 'slip_missing', 'slip is required: a photo or screenshot of the transfer slip');
  if (input.slip.byteLength > MAX_UPLOAD_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'slip is larger than 5 MB', { field: 'slip', reason: 'file_too_large' });
  const slipType = await sniffType(input.slip, SLIP_TYPES);
  if (!slipType) throw refuse('slip', 'slip_type', 'slip must be a JPEG, PNG or WebP image');
  const cert = input.withholdingCertificate && input.withholdingCertificate.byteLength > 0 ? input.withholdingCertificate : null;
  if (cert && cert.byteLength > MAX_UPLOAD_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'withholdingCertificate is larger than 5 MB', { field: 'withholdingCertificate', reason: 'file_too_large' });
  const certType = cert ? await sniffType(cert, CERTIFICATE_TYPES) : null;
  if (cert && !certType) throw refuse('withholdingCertificate', 'certificate_type', 'withholdingCertificate must be a JPEG, PNG or WebP image or a PDF');

  const payable = await payableBalance(ctx, input.link, target);
  const sha256 = sha256Hex(input.slip);
  const targetWhere = target.kind === 'invoice' ? { invoiceId: target.id } : { depositId: target.id };
  const resent = await ctx.db.paymentNotice.findFirst({ where: { ...targetWhere, slipSha256: sha256 }, orderBy: { sentAt: 'asc' } });
  if (resent) return { created: false, notice: { id: resent.id, status: resent.status, slip: slipOf(resent) } };

  if (!Number.isSafeInteger(input.amountSatang) || input.amountSatang <= 0) {
    throw refuse('amountSatang', 'amount_not_positive', 'amountSatang must be a whole number of satang greater than zero');
  }
  // Checked against the balance only, not balance minus notices still pending: a pending notice
  // may be rejected, and a client correcting a wrong slip must be able to send the right one.
  if (input.amountSatang > payable.balance) {
    throw refuse('amountSatang', 'amount_above_balance', `amountSatang is more than the balance due of ${formatBaht(payable.balance)}`);
  }

  // Slow (image decoding): outside the transaction, which only checks and writes.
  const reading = await reader.read(input.slip);
  const now = ctx.clock.now();
  // Staged before the transaction (an S3 upload must not hold it open), discarded if it rolls back.
  const staged: StagedBlob[] = [];
  // Set inside the transaction callback, read after its rollback (a holder, so the type checker sees both).
  const refused: { duplicate: RefusedDuplicateSlip | null } = { duplicate: null };
  let notice: { id: string; status: string; slipReadable: boolean; slipSendingBank: string | null; slipTransRef: string | null };
  try {
    const slipBlob = await stageUpload(ctx.blobs, input.slip!);
    staged.push(slipBlob);
    const certBlob = cert && certType ? await stageUpload(ctx.blobs, cert) : null;
    if (certBlob) staged.push(certBlob);
    notice = await ctx.db.$transaction(async (tx) => {
      if (reading.readable && reading.sendingBank && reading.transRef) {
        const slip = { sendingBank: reading.sendingBank, transRef: reading.transRef };
        const used = await findSlipUse(tx, slip);
        if (used) {
          ctx.logger.warn(
            { customerId: payable.customerId, target: `${target.kind}.${target.id}`, sendingBank: slip.sendingBank, usedBy: used },
            'payment slip sent again',
          );
          refused.duplicate = {
            customerId: payable.customerId,
            target: { kind: target.kind, number: payable.number },
            amountSatang: input.amountSatang,
            slip,
            used,
            sentAt: now,
          };
          throw duplicateSlip(slip, used.at);
        }
      }
      const slipFile = await storeFile(tx, slipBlob, { kind: 'payment_slip', mimeType: slipType, bytes: input.slip!, sha256, createdAt: now });
      const certFile =
        cert && certType && certBlob
          ? await storeFile(tx, certBlob, { kind: 'withholding_certificate', mimeType: certType, bytes: cert, createdAt: now })
          : null;
      return tx.paymentNotice.create({
        data: {
          customerId: payable.customerId,
          ...targetWhere,
          linkId: input.link.id,
          // The access log says 'line_chat'; a notice names where it came from: the portal or LINE.
          channel: input.meta.channel === 'line_chat' ? 'line' : input.meta.channel,
          amountSatang: input.amountSatang,
          status: 'pending_review',
          slipFileId: slipFile.id,
          withholdingCertFileId: certFile?.id ?? null,
          slipSha256: sha256,
          slipReadable: reading.readable,
          slipSendingBank: reading.sendingBank ?? null,
          slipTransRef: reading.transRef ?? null,
          sentAt: now,
        },
      });
    });
  } catch (error) {
    for (const blob of staged) await blob.discard();
    // After the rollback: staff hear of a reused slip (best-effort, never changing the refusal).
    if (refused.duplicate) await announceDuplicateSlip(ctx, refused.duplicate);
    throw error;
  }
  ctx.activity.record({
    customerId: payable.customerId,
    linkId: input.link.id,
    action: 'payment_notice',
    documentType: target.kind,
    documentId: target.id,
    channel: input.meta.channel,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
    at: now,
  });
  ctx.events.publish(paymentsChangedEvent(payable.customerId, notice.id, 'pending_review'));
  await announcePaymentNotice(ctx, notice.id);
  return { created: true, notice: { id: notice.id, status: notice.status, slip: slipOf(notice) } };
}
