import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { CLIENT_MESSAGES, CLIENT_REASONS, STAFF_MESSAGES, STAFF_REASONS, clientMessages, staffReason } from '../../server/domain/error-messages.ts';
import { DomainError, notFound } from '../../server/domain/errors.ts';

describe('error messages', () => {
  it('give every code one Thai and one English text, for clients and for staff', () => {
    const codes = [
      'VALIDATION',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'GONE',
      'EXPIRED',
      'UNPROCESSABLE',
      'RATE_LIMITED',
      'PAYLOAD_TOO_LARGE',
      'DUPLICATE_SLIP',
      'UNAVAILABLE',
    ];
    for (const table of [CLIENT_MESSAGES, STAFF_MESSAGES]) {
      expect(Object.keys(table).sort()).toEqual([...codes].sort());
      for (const text of Object.values(table)) {
        expect(text.th).toMatch(/[\u0e00-\u0e7f]/);
        expect(text.en).toMatch(/^[\x20-\x7e’]+$/);
      }
    }
    expect(
      Object.values(STAFF_MESSAGES)
        .map((m) => m.th)
        .join(),
    ).not.toMatch(/โหลดหน้าใหม่/);
  });

  it('tell a client the specific reason where the error names one, else the text for its code', () => {
    for (const text of Object.values(CLIENT_REASONS)) {
      expect(text.th).toMatch(/[\u0e00-\u0e7f]/);
      expect(text.en).toMatch(/^[\x20-\x7e’]+$/);
    }
    expect(clientMessages(new DomainError('VALIDATION', 'x', { field: 'slip', reason: 'slip_type' }))).toBe(CLIENT_REASONS.slip_type);
    expect(clientMessages(new DomainError('VALIDATION', 'x', { reason: 'no_such_reason' }))).toBe(CLIENT_MESSAGES.VALIDATION);
    expect(clientMessages(new DomainError('DUPLICATE_SLIP', 'x'))).toBe(CLIENT_MESSAGES.DUPLICATE_SLIP);
  });

  it('imports nothing but the import-free labels and money-text modules, so the bot, server and app can share it', () => {
    const importsOf = (file: string) => {
      const source = readFileSync(new URL(`../../server/domain/${file}`, import.meta.url), 'utf8');
      return [...source.matchAll(/^\s*import\b.*from '([^']+)'/gm)].map((m) => m[1]);
    };
    expect(importsOf('error-messages.ts')).toEqual(['./labels.ts', './money-text.ts']);
    expect(importsOf('money-text.ts')).toEqual([]);
  });

  it("writes the amounts a refusal names in the reader's money format", () => {
    const error = new DomainError('CONFLICT', 'x', { reason: 'overpayment', number: 'INV-2026-0001', amountSatang: 200_000, balanceSatang: 107_000 });
    expect(staffReason(error, 'th')).toBe('ยอด ฿2,000.00 มากกว่ายอดค้างชำระของ INV-2026-0001 (฿1,070.00) จึงไม่ได้บันทึก');
    expect(staffReason(error, 'en')).toBe('THB 2,000.00 is more than the balance due on INV-2026-0001 (THB 1,070.00); nothing was recorded.');
  });

  it('fills a specific reason from the error details, in either language', () => {
    const error = new DomainError('CONFLICT', 'Invoice INV-2026-0003 is paid; there is nothing to remind about', {
      status: 'paid',
      reason: 'invoice_not_remindable',
      number: 'INV-2026-0003',
    });
    expect(staffReason(error, 'th')).toBe('ใบแจ้งหนี้ INV-2026-0003 ชำระครบแล้ว ไม่มีอะไรต้องแจ้งเตือน');
    expect(staffReason(error, 'en')).toBe('Invoice INV-2026-0003 is paid; there is nothing to remind about.');
    for (const reason of Object.keys(STAFF_REASONS)) {
      expect(staffReason(new DomainError('CONFLICT', 'x', { reason, number: 'N-1', status: 'void' }), 'th')).not.toMatch(/\{|\}/);
    }
  });

  it('names the missing record in Thai, and has nothing specific for a bare code', () => {
    expect(staffReason(notFound('Invoice INV-2026-0099'), 'th')).toBe('ไม่พบใบแจ้งหนี้ INV-2026-0099 ในระบบ');
    expect(staffReason(notFound('Job'), 'th')).toBe('ไม่พบงานในระบบ');
    expect(staffReason(notFound('Job'), 'en')).toBe('Job not found.');
    expect(staffReason(new DomainError('CONFLICT', 'changed meanwhile'), 'th')).toBeNull();
  });
});
