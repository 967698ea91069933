import { describe, it, expect } from 'vitest';
import { createLogger, redactPath } from '../../server/logger.ts';

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

describe('redactPath in any letter case and any path shape Express still routes', () => {
  it.each([
    [`/C/${T}`, '/C/[token]'],
    [`/API/PORTAL/${T}`, '/API/PORTAL/[token]'],
    [`/Api/portal/${T}/documents.zip`, '/Api/portal/[token]/documents.zip'],
    [`/LIFF/C/${T}`, '/LIFF/C/[token]'],
    [`/Liff/c/${T}/jobs`, '/Liff/c/[token]/jobs'],
    [`//c/${T}`, '//c/[token]'],
    [`//api//portal/${T}`, '//api//portal/[token]'],
    [`/api/portal/recover/../${T}`, '/api/portal/recover/../[token]'],
    [`/anything/${T}/else`, '/anything/[token]/else'],
    [`/c/${encodeURIComponent(T).replace('A', '%41')}`, '/c/[token]'],
    [`/other/${T.replace('A', '%41')}`, '/other/[token]'],
    [`/c/short`, '/c/[token]'],
    [`/LIFF?LIFF.STATE=%2Fc%2F${T}`, '/LIFF?LIFF.STATE=[redacted]'],
    [`/api/portal/recover?Token=${T}`, '/api/portal/recover?Token=[redacted]'],
  ])('%s → %s', (input, expected) => {
    expect(redactPath(input)).toBe(expected);
    expect(redactPath(input)).not.toContain(T);
  });

  it('keeps ordinary paths readable', () => {
    expect(redactPath('/api/admin/customers/cmabc123def456ghi789jkl0')).toBe('/api/admin/customers/cmabc123def456ghi789jkl0');
    expect(redactPath('/healthz')).toBe('/healthz');
  });
});

describe('the logger masks token-shaped words at every level', () => {
  it.each(['debug', 'info', 'warn', 'error'] as const)('%s', (level) => {
    const lines: string[] = [];
    const logger = createLogger('debug', (l) => lines.push(l));
    logger[level]({ note: `opened ${T} here`, err: { message: `Failed to decode param '${T}'` } }, `path /x/${T}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(T);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level, note: 'opened [token] here', msg: 'path /x/[token]' });
  });

  it('leaves longer ids (UUIDs, hashes, LINE user ids) alone', () => {
    const lines: string[] = [];
    const ids = { uuid: '0f8fad5b-d9cb-469f-a165-70867728950e', sha: 'a'.repeat(64), lineUser: `U${'0'.repeat(32)}` };
    createLogger('info', (l) => lines.push(l)).info(ids, 'ids');
    expect(JSON.parse(lines[0]!)).toMatchObject(ids);
  });
});
