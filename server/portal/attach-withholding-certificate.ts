/**
 * The 50 ทวิ sent after the slip: a client's accounts department often issues it days after the
 * transfer, so it may follow a notice still waiting for staff or one already confirmed (then it
 * goes on the Payment too, in the same transaction). Not on a rejected notice (that payment was not
 * accepted), and only once: a second certificate is a 409 (staff reject the notice or ask for a new
 * one), so what staff already looked at never changes under them. Nothing is stored when refused.
 */
import type { AppContext } from '../services/context.ts';
import type { AccessMeta } from '../services/activity.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { CERTIFICATE_TYPES, MAX_UPLOAD_BYTES, sniffType } from '../payments/sniff-upload.ts';
import { stageUpload, storeFile } from '../data/stored-files.ts';
import type { StagedBlob } from '../data/blob-store.ts';
import { paymentsChangedEvent } from '../services/portal-events.ts';
import type { Payer } from './submit-payment-notice.ts';
import { canSeeDeposit, canSeeInvoice } from './scope.ts';

export interface AttachCertificateInput {
  link: Payer;
  noticeId: string;
  certificate: Uint8Array | null;
  meta: AccessMeta;
}

const FIELD = 'withholdingCertificate';

export async function attachWithholdingCertificate(ctx: AppContext, input: AttachCertificateInput): Promise<{ id: string; withholdingCertificate: true }> {
  const cert = input.certificate;
  if (!cert || cert.byteLength === 0)
    throw new DomainError('VALIDATION', 'withholdingCertificate is required: a picture or PDF of the 50 Tawi', { field: FIELD, reason: 'certificate_missing' });
  if (cert.byteLength > MAX_UPLOAD_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'withholdingCertificate is larger than 5 MB', { field: FIELD, reason: 'file_too_large' });
  const mimeType = await sniffType(cert, CERTIFICATE_TYPES);
  if (!mimeType)
    throw new DomainError('VALIDATION', 'withholdingCertificate must be a JPEG, PNG or WebP image or a PDF', { field: FIELD, reason: 'certificate_type' });

  const now = ctx.clock.now();
  // Staged before the transaction (an S3 upload must not hold it open), discarded if it rolls back.
  let staged: StagedBlob | null = null;
  let attached: { id: string; customerId: string; invoiceId: string; status: string };
  try {
    const blob = await stageUpload(ctx.blobs, cert);
    staged = blob;
    attached = await ctx.db.$transaction(async (tx) => {
      const notice = await tx.paymentNotice.findUnique({
        where: { id: input.noticeId },
        include: { invoice: true, deposit: { include: { quote: { select: { status: true } } } } },
      });
      // A notice the link cannot see (another customer's, or outside its scope) does not exist for it.
      const visible =
        notice?.customerId === input.link.customerId &&
        (notice.invoice
          ? canSeeInvoice(input.link, notice.invoice)
          : notice.deposit
            ? canSeeDeposit(input.link, { ...notice.deposit, quoteStatus: notice.deposit.quote?.status ?? null })
            : false);
      if (!notice || !visible) throw notFound('Payment notice');
      // A deposit is not a service fee: nothing is withheld on it.
      if (!notice.invoice || notice.invoice.withholdingSatang <= 0) {
        throw new DomainError('CONFLICT', 'No tax is withheld on what this payment was for, so there is no withholding certificate to attach', {
          reason: 'no_withholding',
        });
      }
      if (notice.status === 'rejected') {
        throw new DomainError('CONFLICT', 'This payment notice was rejected; send the certificate with a new notice', {
          reason: 'notice_rejected',
          status: notice.status,
        });
      }
      if (notice.withholdingCertFileId) {
        throw new DomainError('CONFLICT', 'A withholding certificate is already attached to this payment; contact us to replace it', {
          reason: 'certificate_already_attached',
        });
      }
      const file = await storeFile(tx, blob, { kind: 'withholding_certificate', mimeType, bytes: cert, createdAt: now });
      // Conditional: a review (or another upload) between the read and this write changes the answer.
      const { count } = await tx.paymentNotice.updateMany({
        where: { id: notice.id, status: notice.status, withholdingCertFileId: null },
        data: { withholdingCertFileId: file.id },
      });
      if (count === 0) throw new DomainError('CONFLICT', 'This payment notice changed meanwhile; reload and try again', { reason: 'notice_changed' });
      if (notice.status === 'confirmed' && notice.paymentId) {
        await tx.payment.updateMany({ where: { id: notice.paymentId, withholdingCertFileId: null }, data: { withholdingCertFileId: file.id } });
      }
      return { id: notice.id, customerId: notice.invoice.customerId, invoiceId: notice.invoice.id, status: notice.status };
    });
  } catch (error) {
    await staged?.discard();
    throw error;
  }
  ctx.activity.record({
    customerId: attached.customerId,
    linkId: input.link.id,
    action: 'withholding_certificate',
    documentType: 'invoice',
    documentId: attached.invoiceId,
    channel: input.meta.channel,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
    at: now,
  });
  ctx.events.publish(paymentsChangedEvent(attached.customerId, attached.id, `${attached.status}:certificate`));
  return { id: attached.id, withholdingCertificate: true };
}
