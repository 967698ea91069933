/**
 * The name a client types to sign a quote is printed on the signed quote: characters the
 * document font cannot draw are refused with a 400 naming the field and the characters (Thai and
 * English for the portal), and the quote stays unsigned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { dataUrl, signaturePng } from '../../helpers/signature-png.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let f: PortalFixture;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
  token = (await issueLink(t, 'quote', f.quoteId)).token;
});
afterAll(() => t.stop());

const accept = (name: string) =>
  fetch(`${t.baseUrl}/api/portal/${token}/quotes/${f.quoteId}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, signature: dataUrl(signaturePng()), consent: true }),
  });

describe('the signer name on a signed quote', () => {
  it('with Chinese characters and an emoji → 400 naming name and the characters; the quote stays unsigned', async () => {
    const res = await accept('หลี่ 李明 ✍️');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { field: string; message: string; messages: { th: string; en: string } } };
    expect(error.field).toBe('name');
    expect(error.messages.th).toContain('พิมพ์ลงเอกสารไม่ได้');
    expect(error.messages.th).toContain('李 (U+674E)');
    expect(error.messages.en).toContain('✍ (U+270D)');
    expect(error.messages.en).toContain('U+FE0F');
    expect(await t.ctx.db.quoteSignature.count()).toBe(0);
    expect((await t.ctx.db.quote.findUniqueOrThrow({ where: { id: f.quoteId } })).status).toBe('sent');
  });

  it('a name the font draws is accepted', async () => {
    const res = await accept('สมชาย ใจดี (Nguyễn)');
    expect(res.status).toBe(200);
  });
});
