import { describe, expect, it } from 'vitest';
import { CUSTOMER_LINK_DAYS, INVOICE_LINK_DAYS, isLinkUsable, linkExpiry, type LinkExpiryInput, type LinkUsableInput } from '../../server/domain/link-rules.ts';
import { expectDomainError } from './expect-domain-error.ts';

const at = (iso: string): Date => new Date(iso);
const issuedAt = at('2026-11-25T07:05:00Z');

describe('linkExpiry', () => {
  it('keeps customer and invoice links for 30 days', () => {
    expect(CUSTOMER_LINK_DAYS).toBe(30);
    expect(INVOICE_LINK_DAYS).toBe(30);
  });

  it.each<[string, LinkExpiryInput, string]>([
    ['customer', { scope: 'customer', issuedAt }, '2026-12-25T07:05:00.000Z'],
    ['invoice', { scope: 'invoice', issuedAt, invoice: { status: 'sent' } }, '2026-12-25T07:05:00.000Z'],
    [
      'quote: end of its valid-until day in Bangkok',
      { scope: 'quote', issuedAt, quote: { status: 'sent', validUntil: '2026-11-30' } },
      '2026-11-30T16:59:59.999Z',
    ],
  ])('%s', (_name, input, expected) => {
    expect(linkExpiry(input).toISOString()).toBe(expected);
  });

  it.each<[LinkExpiryInput, string]>([
    [{ scope: 'quote', issuedAt }, 'quote'],
    [{ scope: 'quote', issuedAt, quote: { status: 'sent', validUntil: '30/11/2026' } }, 'date'],
    [{ scope: 'customer', issuedAt: new Date('nope') }, 'issuedAt'],
    [{ scope: 'everything' as never, issuedAt }, 'scope'],
  ])('refuses %o', (input, field) => {
    expectDomainError(() => linkExpiry(input), 'VALIDATION', field);
  });
});

describe('isLinkUsable', () => {
  const expiresAt = at('2026-12-25T07:05:00Z');
  const base = { expiresAt, revokedAt: null, now: at('2026-12-01T00:00:00Z') };

  it.each<[string, LinkUsableInput, boolean]>([
    ['customer link in date', { ...base, scope: 'customer' }, true],
    ['customer link at the last millisecond', { ...base, scope: 'customer', now: expiresAt }, true],
    ['customer link just past expiry', { ...base, scope: 'customer', now: at('2026-12-25T07:05:00.001Z') }, false],
    ['revoked link', { ...base, scope: 'customer', revokedAt: at('2026-11-30T00:00:00Z') }, false],
    ['revoked (even if revocation is timestamped later)', { ...base, scope: 'customer', revokedAt: at('2026-12-24T00:00:00Z') }, false],
    ['quote sent', { ...base, scope: 'quote', quote: { status: 'sent', validUntil: '2026-12-31' } }, true],
    ['quote draft', { ...base, scope: 'quote', quote: { status: 'draft', validUntil: '2026-12-31' } }, true],
    ['quote accepted', { ...base, scope: 'quote', quote: { status: 'accepted', validUntil: '2026-12-31' } }, false],
    ['quote declined', { ...base, scope: 'quote', quote: { status: 'declined', validUntil: '2026-12-31' } }, false],
    ['quote expired', { ...base, scope: 'quote', quote: { status: 'expired', validUntil: '2026-12-31' } }, false],
    ['quote missing', { ...base, scope: 'quote', quote: null }, false],
    ['invoice sent', { ...base, scope: 'invoice', invoice: { status: 'sent' } }, true],
    ['invoice partially paid', { ...base, scope: 'invoice', invoice: { status: 'partially_paid' } }, true],
    ['invoice paid', { ...base, scope: 'invoice', invoice: { status: 'paid' } }, false],
    ['invoice void', { ...base, scope: 'invoice', invoice: { status: 'void' } }, false],
    ['invoice missing', { ...base, scope: 'invoice' }, false],
    ['unknown scope', { ...base, scope: 'admin' as never }, false],
  ])('%s → %s', (_name, input, expected) => {
    expect(isLinkUsable(input)).toBe(expected);
  });

  it('a quote link issued today works through the last valid day and stops after it', () => {
    const quote = { status: 'sent' as const, validUntil: '2026-11-30' };
    const quoteExpiry = linkExpiry({ scope: 'quote', issuedAt, quote });
    const usableAt = (iso: string): boolean => isLinkUsable({ scope: 'quote', expiresAt: quoteExpiry, revokedAt: null, now: at(iso), quote });
    expect(usableAt('2026-11-30T16:59:59.999Z')).toBe(true); // 23:59:59.999 in Bangkok
    expect(usableAt('2026-11-30T17:00:00.000Z')).toBe(false); // midnight in Bangkok
  });
});
