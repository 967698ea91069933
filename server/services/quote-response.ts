/**
 * A client answers a quote from the portal: accept and sign, or decline. One transaction each,
 * conditional on the quote still being Sent, so a double submit answers once (409 the second time).
 *
 * Accepting freezes the quote and records the signature (image, typed name, time, IP, user agent,
 * link, channel, SHA-256 of the canonical quote content), logs 'sign', books the job, asks for the
 * deposit and queues the client's signed copy — all in the same commit. After the commit the signed
 * PDF is rendered, sealed and stored at once, and staff are told in LINE.
 *
 * The job: a quote without one gets a new job at 'new' ("Booked", the stage that means exactly
 * this). A linked job still at 'new' stays there — acceptance is not "preparing equipment" — but
 * its timeline gets the acceptance as a dated entry; a job already further on is left alone.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import type { ResolvedLink } from './links.ts';
import type { ActivityChannel } from './activity.ts';
import { bangkokDate } from '../domain/dates.ts';
import { clientError, notFound } from '../domain/errors.ts';
import { linkSeesQuote } from '../domain/link-rules.ts';
import { effectiveQuoteStatus, type QuoteStatus } from '../domain/quote-status.ts';
import { canonicalQuoteContent, type SignedQuoteFacts } from '../domain/quote-content.ts';
import { getBusiness } from './business.ts';
import { createDepositIn } from './deposits.ts';
import { snapshotIssuedDocument } from './document-snapshots.ts';
import { createJobIn } from './jobs.ts';
import { notifyQuoteSigned } from './messages/notify-client.ts';
import { notifyStaff } from './notify-staff.ts';
import { parseSignaturePng, parseSignerName } from './signature-input.ts';
import { documentPayPayload } from '../payments/promptpay.ts';

type QuoteLink = Pick<ResolvedLink, 'id' | 'scope' | 'customerId' | 'quoteId'>;

export interface ClientRequestMeta {
  ip: string | null;
  userAgent: string | null;
  channel: ActivityChannel;
}

export interface AcceptQuoteInput {
  link: QuoteLink;
  quoteId: string;
  name: unknown;
  signature: unknown;
  consent: unknown;
  meta: ClientRequestMeta;
}

export interface AcceptedQuote {
  status: 'accepted';
  quoteId: string;
  quoteNumber: string;
  signedDocumentId: string;
  signedAt: Date;
  /** The deposit to pay now (created Pending at acceptance, or the one staff already asked for). */
  deposit: { id: string; number: string; amountSatang: number; payee: string; promptPayPayload: string } | null;
}

const JOB_TITLE_MAX = 120;
const DECLINE_REASON_MAX = 500;

const EXPIRED = () => clientError('EXPIRED', { th: 'ใบเสนอราคานี้หมดอายุแล้ว', en: 'This quote has expired' }, { reason: 'expired' });

/** Loads the quote the link may answer and checks it can still be answered (Sent, not past valid-until). */
async function answerableQuote(tx: Tx, ctx: AppContext, link: QuoteLink, quoteId: string) {
  const quote = await tx.quote.findUnique({
    where: { id: quoteId },
    include: { customer: true, lines: { orderBy: { position: 'asc' } }, job: { select: { id: true, number: true, stage: true } } },
  });
  // Another customer's quote, a quote outside the link's scope and a draft look the same: not found.
  if (!quote || !linkSeesQuote(link, quote)) throw notFound('Quote');
  const status = effectiveQuoteStatus(quote.status as QuoteStatus, quote.validUntil, bangkokDate(ctx.clock.now()));
  if (status === 'expired') throw EXPIRED();
  if (status === 'accepted') throw clientError('CONFLICT', { th: 'ใบเสนอราคานี้ได้รับการยอมรับแล้ว', en: 'This quote has already been accepted' }, { status });
  if (status === 'declined') throw clientError('CONFLICT', { th: 'ใบเสนอราคานี้ถูกปฏิเสธแล้ว', en: 'This quote has already been declined' }, { status });
  return quote;
}

const answeredMeanwhile = () => clientError('CONFLICT', { th: 'ใบเสนอราคานี้ได้รับการตอบแล้ว', en: 'This quote has already been answered' }, { status: 'answered' });

export function quoteContentSha256(quote: Parameters<typeof signedFacts>[0]): string {
  return createHash('sha256')
    .update(canonicalQuoteContent(signedFacts(quote)), 'utf8')
    .digest('hex');
}

/** A quote row as loaded (totals sit on the row itself) → the facts a client signs. */
function signedFacts(quote: Omit<SignedQuoteFacts, 'totals'> & SignedQuoteFacts['totals']): SignedQuoteFacts {
  return {
    number: quote.number,
    issueDate: quote.issueDate,
    validUntil: quote.validUntil,
    customer: quote.customer,
    lines: quote.lines,
    totals: quote,
    depositSatang: quote.depositSatang,
    notes: quote.notes,
  };
}

export async function acceptQuote(ctx: AppContext, input: AcceptQuoteInput): Promise<AcceptedQuote> {
  if (input.consent !== true) {
    throw clientError(
      'VALIDATION',
      { th: 'กรุณายืนยันความยินยอมก่อนลงนาม', en: 'consent is required: please confirm you agree before signing' },
      { field: 'consent' },
    );
  }
  const signerName = parseSignerName(input.name);
  const signaturePng = parseSignaturePng(input.signature);
  const now = ctx.clock.now();

  const result = await ctx.db.$transaction(async (tx) => {
    const quote = await answerableQuote(tx, ctx, input.link, input.quoteId);
    const { count } = await tx.quote.updateMany({ where: { id: quote.id, status: 'sent' }, data: { status: 'accepted', acceptedAt: now } });
    if (count === 0) throw answeredMeanwhile();
    await tx.quoteSignature.create({
      data: {
        quoteId: quote.id,
        signerName,
        signaturePng: new Uint8Array(signaturePng),
        signedAt: now,
        ip: input.meta.ip,
        userAgent: input.meta.userAgent?.slice(0, 400) ?? null,
        linkId: input.link.id,
        channel: input.meta.channel === 'liff' ? 'liff' : 'web',
        contentSha256: quoteContentSha256(quote),
      },
    });
    await snapshotIssuedDocument(tx, { kind: 'signed_quote', recordId: quote.id, customerId: quote.customerId }, now);
    // Written in the transaction (not the buffered access log): a signature is evidence.
    await tx.activityLog.create({
      data: {
        customerId: quote.customerId,
        linkId: input.link.id,
        action: 'sign',
        documentType: 'quote',
        documentId: quote.id,
        channel: input.meta.channel,
        ip: input.meta.ip,
        userAgent: input.meta.userAgent?.slice(0, 400) ?? null,
        at: now,
      },
    });

    let job = quote.job;
    if (!job) {
      const title = (quote.lines[0]?.description ?? quote.number).slice(0, JOB_TITLE_MAX);
      const created = await createJobIn(tx, now, { customerId: quote.customerId, title });
      await tx.quote.update({ where: { id: quote.id }, data: { jobId: created.id } });
      job = { id: created.id, number: created.number, stage: created.stage };
    } else if (job.stage === 'new') {
      await tx.jobStageChange.create({
        data: {
          jobId: job.id,
          stage: 'new',
          note: `ลูกค้ายอมรับใบเสนอราคา ${quote.number} / Quote ${quote.number} accepted`,
          changedBy: 'client',
          changedAt: now,
        },
      });
    }

    let deposit: { id: string; number: string; requiredSatang: number; heldSatang: number } | null = null;
    if (quote.depositSatang > 0) {
      // Staff may have asked for it already (admin API); one deposit per quote.
      deposit =
        (await tx.deposit.findFirst({ where: { quoteId: quote.id }, orderBy: { createdAt: 'asc' } })) ??
        (await createDepositIn(tx, now, { customerId: quote.customerId, requiredSatang: quote.depositSatang, quoteId: quote.id, jobId: job.id }));
    }
    await notifyQuoteSigned(tx, ctx, {
      quoteId: quote.id,
      customerId: quote.customerId,
      quoteNumber: quote.number,
      signerName,
      signedAt: now,
      totalSatang: quote.totalSatang,
      deposit: deposit ? { number: deposit.number, requiredSatang: deposit.requiredSatang - deposit.heldSatang } : null,
    });
    const business = deposit ? await getBusiness(tx) : null;
    const due = deposit ? deposit.requiredSatang - deposit.heldSatang : 0;
    return {
      quote,
      job,
      deposit:
        deposit && business && due > 0
          ? {
              id: deposit.id,
              number: deposit.number,
              amountSatang: due,
              payee: business.promptPayName,
              promptPayPayload: documentPayPayload(business, due, deposit.number),
            }
          : null,
    };
  });

  const signedDocumentId = `signed_quote.${result.quote.id}`;
  // Rendered once, sealed, stored: every later download and the email attachment are these bytes.
  // A failure leaves the job pending (retried; the acceptance stands).
  await ctx.documents.storePending();
  await notifyStaff(ctx, {
    id: `quote-accepted:${result.quote.id}`,
    kind: 'quote_accepted',
    quoteNumber: result.quote.number,
    customerName: result.quote.customer.name,
    totalSatang: result.quote.totalSatang,
    signerName,
    reason: null,
    depositNumber: result.deposit?.number ?? null,
    jobNumber: result.job.number,
    at: now,
  });
  return { status: 'accepted', quoteId: result.quote.id, quoteNumber: result.quote.number, signedDocumentId, signedAt: now, deposit: result.deposit };
}

export interface DeclineQuoteInput {
  link: QuoteLink;
  quoteId: string;
  reason?: unknown;
  meta: ClientRequestMeta;
}

export async function declineQuote(ctx: AppContext, input: DeclineQuoteInput): Promise<{ status: 'declined' }> {
  let reason: string | null = null;
  if (input.reason !== undefined && input.reason !== null) {
    if (typeof input.reason !== 'string') throw clientError('VALIDATION', { th: 'เหตุผลต้องเป็นข้อความ', en: 'reason must be text' }, { field: 'reason' });
    reason = input.reason.normalize('NFC').trim() || null;
    if (reason && [...reason].length > DECLINE_REASON_MAX) {
      throw clientError(
        'VALIDATION',
        { th: `เหตุผลยาวเกิน ${DECLINE_REASON_MAX} ตัวอักษร`, en: `reason must be at most ${DECLINE_REASON_MAX} characters` },
        { field: 'reason' },
      );
    }
  }
  const now = ctx.clock.now();
  const quote = await ctx.db.$transaction(async (tx) => {
    const q = await answerableQuote(tx, ctx, input.link, input.quoteId);
    const { count } = await tx.quote.updateMany({ where: { id: q.id, status: 'sent' }, data: { status: 'declined', declinedAt: now, declineReason: reason } });
    if (count === 0) throw answeredMeanwhile();
    await tx.activityLog.create({
      data: {
        customerId: q.customerId,
        linkId: input.link.id,
        action: 'decline',
        documentType: 'quote',
        documentId: q.id,
        channel: input.meta.channel,
        ip: input.meta.ip,
        userAgent: input.meta.userAgent?.slice(0, 400) ?? null,
        at: now,
      },
    });
    return q;
  });
  await notifyStaff(ctx, {
    id: `quote-declined:${quote.id}`,
    kind: 'quote_declined',
    quoteNumber: quote.number,
    customerName: quote.customer.name,
    totalSatang: quote.totalSatang,
    signerName: null,
    reason,
    depositNumber: null,
    jobNumber: quote.job?.number ?? null,
    at: now,
  });
  return { status: 'declined' };
}
