/**
 * Which receipt a confirmed payment gets. Money received before the job starts is a
 * pre-payment (PREREC); otherwise an ordinary receipt (RC). Deposits have their own types:
 * DEPR when collected, DEPRR when returned.
 */
export type ReceiptType = 'RC' | 'PREREC' | 'DEPR' | 'DEPRR';

export function receiptTypeForPayment(job: { startDate: string | null } | null, today: string): 'RC' | 'PREREC' {
  return job?.startDate && today < job.startDate ? 'PREREC' : 'RC';
}

export const RECEIPT_TYPE_LABELS: Record<ReceiptType, { th: string; en: string }> = {
  RC: { th: 'ใบเสร็จรับเงิน', en: 'Receipt' },
  PREREC: { th: 'ใบเสร็จรับเงินล่วงหน้า', en: 'Pre-payment receipt' },
  DEPR: { th: 'ใบรับเงินประกัน', en: 'Deposit receipt' },
  DEPRR: { th: 'ใบคืนเงินประกัน', en: 'Deposit return receipt' },
};
