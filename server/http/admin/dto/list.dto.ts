/**
 * Back-office lists and reads by id: each list answers `{ items, nextCursor }` (pass nextCursor
 * back as `cursor` for the next page; null on the last). Items are the resource's DTO plus the
 * customer's name, so a list renders without a second request.
 */
import { z, type ZodType } from 'zod';
import { INVOICE_STATUSES } from '../../../domain/invoice-status.ts';
import { JOB_STAGES, type JobStage } from '../../../domain/job-stages.ts';
import type { InvoiceDisplayStatus } from '../../../domain/labels.ts';
import { satang } from './common.ts';
import { customerDto } from './customer.dto.ts';
import { depositDto, toDepositDto } from './deposit.dto.ts';
import { invoiceDto, quoteDto, toInvoiceDto, toQuoteDto } from './document.dto.ts';
import { jobDto, toJobDto } from './job.dto.ts';
import { paymentDto, toPaymentDto } from './payment.dto.ts';

function page<T>(item: ZodType<T>) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });
}

const customerName = z.string();
const displayStatus = z.union([z.enum(INVOICE_STATUSES), z.literal('overdue')]);

export const customerPageDto = page(customerDto);

export const quoteItemDto = z.strictObject({ ...quoteDto.shape, customerName });
export const quotePageDto = page(quoteItemDto);

/** `displayStatus` is `overdue` where the invoice is owed past its due day (never stored). */
export const invoiceItemDto = z.strictObject({ ...invoiceDto.shape, customerName, displayStatus });
export const invoicePageDto = page(invoiceItemDto);

export const jobItemDto = z.strictObject({ ...jobDto.shape, customerName });
export const jobPageDto = page(jobItemDto);
/** A job read by id also says which stages it may move to now. */
export const jobDetailDto = z.strictObject({ ...jobDto.shape, customerName, nextStages: z.array(z.enum(JOB_STAGES)) });

export const depositItemDto = z.strictObject({ ...depositDto.shape, customerName });
export const depositPageDto = page(depositItemDto);
/** A deposit read by id also says what is still to collect and what a return would settle. */
export const depositDetailDto = z.strictObject({ ...depositDto.shape, customerName, outstandingSatang: satang, remainingHeldSatang: satang });

export const paymentItemDto = z.strictObject({ ...paymentDto.shape, customerName, invoiceNumber: z.string() });
export const paymentPageDto = page(paymentItemDto);

type Named = { customer: { name: string } };

export function toQuoteItem<R extends Parameters<typeof toQuoteDto>[0] & Named>(row: R): z.infer<typeof quoteItemDto> {
  return { ...toQuoteDto(row), customerName: row.customer.name };
}

export function toInvoiceItem<R extends Parameters<typeof toInvoiceDto>[0] & Named & { displayStatus: InvoiceDisplayStatus }>(
  row: R,
): z.infer<typeof invoiceItemDto> {
  return { ...toInvoiceDto(row), customerName: row.customer.name, displayStatus: row.displayStatus };
}

export function toJobItem<R extends Parameters<typeof toJobDto>[0] & Named>(row: R): z.infer<typeof jobItemDto> {
  return { ...toJobDto(row), customerName: row.customer.name };
}

export function toJobDetail<R extends Parameters<typeof toJobDto>[0] & Named & { nextStages: JobStage[] }>(row: R): z.infer<typeof jobDetailDto> {
  return { ...toJobItem(row), nextStages: row.nextStages };
}

export function toDepositItem<R extends Parameters<typeof toDepositDto>[0] & Named>(row: R): z.infer<typeof depositItemDto> {
  return { ...toDepositDto(row), customerName: row.customer.name };
}

export function toDepositDetail<
  R extends Parameters<typeof toDepositDto>[0] & { customerName: string; outstandingSatang: number; remainingHeldSatang: number },
>(row: R): z.infer<typeof depositDetailDto> {
  return { ...toDepositDto(row), customerName: row.customerName, outstandingSatang: row.outstandingSatang, remainingHeldSatang: row.remainingHeldSatang };
}

export function toPaymentItem<R extends Parameters<typeof toPaymentDto>[0] & Named & { invoice: { number: string } }>(row: R): z.infer<typeof paymentItemDto> {
  return { ...toPaymentDto(row), customerName: row.customer.name, invoiceNumber: row.invoice.number };
}
