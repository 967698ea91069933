import { describe, it, expect } from 'vitest';
import { redactPath } from '../../server/logger.ts';

const T = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('redactPath keeps portal tokens out of logs', () => {
  it.each([
    [`/c/${T}`, '/c/[token]'],
    [`/c/${T}/invoices/abc`, '/c/[token]/invoices/abc'],
    [`/liff/c/${T}`, '/liff/c/[token]'],
    [`/liff/c/${T}/jobs/x?y=1`, '/liff/c/[token]/jobs/x?y=1'],
    [`/api/portal/${T}/documents/invoice.x`, '/api/portal/[token]/documents/invoice.x'],
    ['/api/portal/recover', '/api/portal/recover'],
    [`/liff?liff.state=%2Fc%2F${T}`, '/liff?liff.state=[redacted]'],
    ['/api/admin/customers/1', '/api/admin/customers/1'],
  ])('%s → %s', (input, expected) => {
    expect(redactPath(input)).toBe(expected);
    expect(redactPath(input)).not.toContain(T);
  });
});
