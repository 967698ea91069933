import { describe, expect, it } from 'vitest';
import { choiceLabel } from '../../../bot/chat/client-slip.ts';

const balance = (number: string, balanceSatang: number) => ({ target: 'invoice.x', kind: 'invoice' as const, number, balanceSatang });

describe('a slip choice label fits LINE (20 characters) and never cuts the amount', () => {
  it.each([
    ['INV-2026-0001', 123_400, 'INV-0001 ฿1,234.00'],
    ['INV-2026-0001', 1_320_969, 'INV-0001 ฿13,209.69'],
    ['DEP-2026-0012', 300_000, 'DEP-0012 ฿3,000.00'],
    ['INV-2026-0001', 123_456_789, 'INV-0001 1234567.89'],
    ['INV-7', 5_000, 'INV-7 ฿50.00'],
  ])('%s %i → %s', (number, satang, label) => {
    expect(choiceLabel(balance(number, satang))).toBe(label);
    expect(label.length).toBeLessThanOrEqual(20);
  });
});
