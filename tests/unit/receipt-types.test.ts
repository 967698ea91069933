import { describe, it, expect } from 'vitest';
import { receiptTypeForPayment } from '../../server/domain/receipt-types.ts';

describe('receiptTypeForPayment', () => {
  it.each([
    [null, '2026-11-25', 'RC'],
    [{ startDate: null }, '2026-11-25', 'RC'],
    [{ startDate: '2026-11-26' }, '2026-11-25', 'PREREC'],
    [{ startDate: '2026-11-25' }, '2026-11-25', 'RC'],
    [{ startDate: '2026-11-20' }, '2026-11-25', 'RC'],
  ] as const)('job %j paid on %s → %s', (job, today, expected) => {
    expect(receiptTypeForPayment(job, today)).toBe(expected);
  });
});
