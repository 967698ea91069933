/**
 * Which receipt a confirmed payment gets. Money received before the job starts is a
 * pre-payment (PREREC); otherwise an ordinary receipt (RC). Deposits have their own types:
 * DEPR when collected, DEPRR when returned.
 */
import type { ReceiptType } from './labels.ts';

export type { ReceiptType };

export function receiptTypeForPayment(job: { startDate: string | null } | null, today: string): 'RC' | 'PREREC' {
  return job?.startDate && today < job.startDate ? 'PREREC' : 'RC';
}
