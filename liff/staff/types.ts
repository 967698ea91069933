/** The admin API's answers, as the server declares them (type-only: nothing of the server is bundled). */
export type { CustomerDto, CustomerSummaryDto } from '../../server/http/admin/dto/customer.dto.ts';
export type { InvoiceDto, QuoteDto } from '../../server/http/admin/dto/document.dto.ts';
export type { PaymentRecordedDto } from '../../server/http/admin/dto/payment.dto.ts';
export type { JobDto } from '../../server/http/admin/dto/job.dto.ts';
export type { LineAccountDto } from '../../server/http/admin/dto/line-account.dto.ts';
export type { CustomerActivityDto } from '../../server/http/admin/dto/customer.dto.ts';
export type { BusinessDto, BusinessLogoDto } from '../../server/http/admin/dto/business.dto.ts';

export type Channel = 'line' | 'email' | 'sms';
export interface Sent {
  messageId: string;
  channel: Channel;
  recipient: string;
  duplicate: boolean;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type { PaymentNoticeDto } from '../../server/http/admin/dto/payment-notice.dto.ts';
export type { TodayDto } from '../../server/http/admin/dto/today.dto.ts';
import type { z } from 'zod';
import type { depositDetailDto, depositItemDto, jobItemDto, quoteItemDto } from '../../server/http/admin/dto/list.dto.ts';
export type JobItem = z.infer<typeof jobItemDto>;
export type DepositItem = z.infer<typeof depositItemDto>;
export type DepositDetail = z.infer<typeof depositDetailDto>;
export type QuoteItem = z.infer<typeof quoteItemDto>;
export type { DepositCollectedDto, DepositReturnedDto } from '../../server/http/admin/dto/deposit.dto.ts';
import type { paymentItemDto } from '../../server/http/admin/dto/list.dto.ts';
export type PaymentItem = z.infer<typeof paymentItemDto>;
