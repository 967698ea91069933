/**
 * Quotes and invoices as the admin API answers them: amounts in satang, quantities as numbers
 * (stored ×1000), instants as ISO strings. The legacy per-invoice tax-invoice number is not
 * shown: tax invoices are per payment now.
 */
import { z } from 'zod';
import { quantityFromMilli, type VatMode } from '../../../domain/money.ts';
import { INVOICE_STATUSES, invoiceBalanceSatang, type InvoiceStatus } from '../../../domain/invoice-status.ts';
import { QUOTE_STATUSES, type QuoteStatus } from '../../../domain/quote-status.ts';
import { totalsView } from '../../../services/pricing.ts';
import { day, id, instant, iso, isoOrNull, satang } from './common.ts';

const lineDto = z.strictObject({ description: z.string(), quantity: z.number(), unitPriceSatang: satang, amountSatang: satang });

const pricedShape = {
  id,
  number: z.string(),
  customerId: id,
  jobId: id.nullable(),
  issueDate: day,
  vatMode: z.enum(['exclusive', 'inclusive', 'none']),
  vatRateBasisPoints: z.number().int(),
  withholdingBasisPoints: z.number().int(),
  subtotalSatang: satang,
  discountSatang: satang,
  vatSatang: satang,
  totalSatang: satang,
  withholdingSatang: satang,
  netPayableSatang: satang,
  notes: z.string().nullable(),
  sentAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  /** Present when the answer includes the document's lines (create). */
  lines: z.array(lineDto).optional(),
};

interface LineRow {
  position: number;
  description: string;
  quantityMilli: number;
  unitPriceSatang: number;
  amountSatang: number;
}

interface PricedRow {
  id: string;
  number: string;
  customerId: string;
  jobId: string | null;
  issueDate: string;
  vatMode: string;
  vatRateBasisPoints: number;
  withholdingBasisPoints: number;
  subtotalSatang: number;
  discountSatang: number;
  vatSatang: number;
  totalSatang: number;
  withholdingSatang: number;
  netPayableSatang: number;
  notes: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lines?: LineRow[];
}

function pricedFields(row: PricedRow) {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    jobId: row.jobId,
    issueDate: row.issueDate,
    vatRateBasisPoints: row.vatRateBasisPoints,
    withholdingBasisPoints: row.withholdingBasisPoints,
    ...totalsView(row),
    vatMode: row.vatMode as VatMode,
    notes: row.notes,
    sentAt: isoOrNull(row.sentAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    ...(row.lines
      ? {
          lines: [...row.lines]
            .sort((a, b) => a.position - b.position)
            .map((l) => ({
              description: l.description,
              quantity: quantityFromMilli(l.quantityMilli),
              unitPriceSatang: l.unitPriceSatang,
              amountSatang: l.amountSatang,
            })),
        }
      : {}),
  };
}

export const quoteDto = z.strictObject({
  ...pricedShape,
  status: z.enum(QUOTE_STATUSES),
  validUntil: day,
  depositSatang: satang,
  acceptedAt: instant.nullable(),
  declinedAt: instant.nullable(),
  declineReason: z.string().nullable(),
});
export type QuoteDto = z.infer<typeof quoteDto>;

interface QuoteRow extends PricedRow {
  status: string;
  validUntil: string;
  depositSatang: number;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
}

export function toQuoteDto(row: QuoteRow): QuoteDto {
  return {
    ...pricedFields(row),
    status: row.status as QuoteStatus,
    validUntil: row.validUntil,
    depositSatang: row.depositSatang,
    acceptedAt: isoOrNull(row.acceptedAt),
    declinedAt: isoOrNull(row.declinedAt),
    declineReason: row.declineReason,
  };
}

export const invoiceDto = z.strictObject({
  ...pricedShape,
  quoteId: id.nullable(),
  status: z.enum(INVOICE_STATUSES),
  dueDate: day,
  paidSatang: satang,
  balanceSatang: satang,
  paidAt: instant.nullable(),
  voidedAt: instant.nullable(),
  voidReason: z.string().nullable(),
});
export type InvoiceDto = z.infer<typeof invoiceDto>;

interface InvoiceRow extends PricedRow {
  quoteId: string | null;
  status: string;
  dueDate: string;
  paidSatang: number;
  paidAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
}

export function toInvoiceDto(row: InvoiceRow): InvoiceDto {
  return {
    ...pricedFields(row),
    quoteId: row.quoteId,
    status: row.status as InvoiceStatus,
    dueDate: row.dueDate,
    paidSatang: row.paidSatang,
    balanceSatang: invoiceBalanceSatang(row.netPayableSatang, row.paidSatang),
    paidAt: isoOrNull(row.paidAt),
    voidedAt: isoOrNull(row.voidedAt),
    voidReason: row.voidReason,
  };
}
