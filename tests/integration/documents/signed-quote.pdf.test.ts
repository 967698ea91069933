/**
 * The signed quote PDF as anyone would check it: poppler's pdfsig reports the PAdES seal valid,
 * and not valid once one byte inside the signed range changes; /api/verify agrees (by file and
 * by hash), and the PDF carries the signature record in Thai and English.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { p12Sealer } from '../../../server/documents/seal-pdf.ts';
import { dataUrl, signaturePng } from '../../helpers/signature-png.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/test-seal.p12');

let t: TestApp;
let dir: string;
let signed: Buffer;
let quoteNumber: string;

function pdfsig(bytes: Buffer): string {
  const file = path.join(dir, `q-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdfsig not found (apt-get install poppler-utils): ${r.error.message}`);
  return `${r.stdout}${r.stderr}`;
}

function pdftotext(bytes: Buffer): string {
  const file = path.join(dir, 'text.pdf');
  writeFileSync(file, bytes);
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.normalize('NFC');
}

async function verify(body: BodyInit, contentType: string) {
  const res = await fetch(`${t.baseUrl}/api/verify`, { method: 'POST', headers: { 'content-type': contentType }, body });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'signed-quote-'));
  t = await startTestApp({ overrides: { pdfSealer: p12Sealer(readFileSync(FIXTURE), 'test-seal') } });
  await t.admin('PUT', '/business', VAT_BUSINESS);
  const c = await t.admin('POST', '/customers', { name: 'คุณสมหญิง ลงนาม', companyName: 'บริษัท ฟ้าใส จำกัด' });
  const q = await t.admin('POST', '/quotes', {
    customerId: c.body.id,
    validUntil: '2026-12-10',
    depositSatang: 300_000,
    lines: [{ description: 'เช่าชุดไฟเวที 3 วัน', quantity: 3, unitPriceSatang: 450_000 }],
  });
  quoteNumber = q.body.number;
  await t.ctx.db.quote.update({ where: { id: q.body.id }, data: { status: 'sent', sentAt: t.clock.now() } });
  const link = await t.admin('POST', '/links', { scope: 'quote', id: q.body.id });
  const token = String(link.body.url).split('/c/')[1];
  const res = await fetch(`${t.baseUrl}/api/portal/${token}/quotes/${q.body.id}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/131 Mobile' },
    body: JSON.stringify({ name: 'สมหญิง ลงนาม (Somying)', signature: dataUrl(signaturePng()), consent: true }),
  });
  expect(res.status).toBe(200);
  const customerLink = await t.admin('POST', '/links', { scope: 'customer', id: c.body.id });
  const pdf = await fetch(`${t.baseUrl}/api/portal/${String(customerLink.body.url).split('/c/')[1]}/documents/signed_quote.${q.body.id}.pdf`);
  expect(pdf.status).toBe(200);
  signed = Buffer.from(await pdf.arrayBuffer());
  if (process.env.SIGNED_QUOTE_PDF_OUT) writeFileSync(process.env.SIGNED_QUOTE_PDF_OUT, signed);
});
afterAll(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sealed signed quote', () => {
  it('pdfsig: the PAdES signature is valid (ETSI.CAdES.detached, whole document)', () => {
    const out = pdfsig(signed);
    expect(out).toContain('Signature is Valid.');
    expect(out).toMatch(/ETSI\.CAdES\.detached|PAdES/);
    expect(out).toContain('Total document signed');
    expect(out).not.toMatch(/Syntax Error/);
  });

  it('pdfsig: one changed byte inside the signed range makes it invalid', () => {
    const changed = Buffer.from(signed);
    // A byte in the page content, well inside the first signed range.
    const at = changed.indexOf('stream') + 20;
    changed[at] = changed[at]! ^ 0x01;
    const out = pdfsig(changed);
    expect(out).not.toContain('Signature is Valid.');
    expect(out).toMatch(/Digest Mismatch|Invalid/i);
  });

  it('/api/verify: known and unchanged by file and by hash; a changed copy is unknown', async () => {
    const byFile = new FormData();
    byFile.append('file', new Blob([new Uint8Array(signed)], { type: 'application/pdf' }), 'quote.pdf');
    const fileRes = await fetch(`${t.baseUrl}/api/verify`, { method: 'POST', body: byFile });
    const answer = await fileRes.json();
    expect(answer).toEqual({
      known: true,
      documentId: expect.stringMatching(/^signed_quote\./),
      quoteNumber,
      signedAt: '2026-11-25T03:00:00.000Z',
      signerName: 'สมหญิง ลงนาม (Somying)',
      unchanged: true,
      seal: { valid: true },
    });
    const sha256 = createHash('sha256').update(signed).digest('hex');
    expect(await verify(JSON.stringify({ sha256 }), 'application/json')).toMatchObject({ known: true, quoteNumber, unchanged: true });
    expect(await verify(new Uint8Array(signed), 'application/pdf')).toMatchObject({ known: true, unchanged: true });

    const changed = Buffer.from(signed);
    const at = changed.indexOf('stream') + 20;
    changed[at] = changed[at]! ^ 0x01;
    const changedForm = new FormData();
    changedForm.append('file', new Blob([new Uint8Array(changed)], { type: 'application/pdf' }), 'quote.pdf');
    expect(await (await fetch(`${t.baseUrl}/api/verify`, { method: 'POST', body: changedForm })).json()).toEqual({ known: false, unchanged: false });
    const changedHash = createHash('sha256').update(changed).digest('hex');
    expect(await verify(JSON.stringify({ sha256: changedHash }), 'application/json')).toEqual({ known: false, unchanged: false });
  });

  it('/api/verify refuses a non-PDF file and a malformed hash (400 naming the field)', async () => {
    const notPdf = await fetch(`${t.baseUrl}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: 'hello' });
    expect(notPdf.status).toBe(400);
    expect((await notPdf.json()).error.field).toBe('file');
    const badHash = await fetch(`${t.baseUrl}/api/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sha256: 'abc' }),
    });
    expect(badHash.status).toBe(400);
    expect((await badHash.json()).error.field).toBe('sha256');
  });

  it('GET /verify is a plain escaped page with a strict CSP; the form posts back and shows the answer', async () => {
    const page = await fetch(`${t.baseUrl}/verify`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toContain('<script');
    expect(html).toContain('enctype="multipart/form-data"');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(signed)], { type: 'application/pdf' }), 'quote.pdf');
    form.append('sha256', '');
    const result = await (await fetch(`${t.baseUrl}/verify`, { method: 'POST', body: form })).text();
    expect(result).toContain('Signed here and unchanged');
    expect(result).toContain(quoteNumber);
    expect(result).toContain('สมหญิง ลงนาม (Somying)');
  });

  it('carries the signature record: name, ISO and Thai times, IP, user agent, link, content hash', async () => {
    const text = pdftotext(signed);
    expect(text).toContain(quoteNumber);
    expect(text).toContain('สมหญิง ลงนาม (Somying)');
    expect(text).toContain('2026-11-25T10:00:00+07:00');
    expect(text).toContain('25 พ.ย. 2569 10:00 น.');
    expect(text).toContain('Android 14');
    const sig = await t.ctx.db.quoteSignature.findFirstOrThrow();
    expect(text.replace(/\s+/g, '')).toContain(sig.contentSha256);
    expect(text).toContain(sig.linkId!);
  });

  it('without a configured certificate, the business gets its own, kept private in DATA_DIR', async () => {
    const own = await startTestApp();
    try {
      await own.admin('PUT', '/business', VAT_BUSINESS);
      // An unsealed PDF of this business: the quote as first issued.
      const c = await own.admin('POST', '/customers', { name: 'คุณทดสอบ' });
      const q = await own.admin('POST', '/quotes', {
        customerId: c.body.id,
        validUntil: '2026-12-10',
        lines: [{ description: 'x', quantity: 1, unitPriceSatang: 1000 }],
      });
      await own.ctx.db.quote.update({ where: { id: q.body.id }, data: { status: 'sent' } });
      const plain = Buffer.from(
        await (await fetch(`${own.baseUrl}/api/admin/documents/quote.${q.body.id}`, { headers: { authorization: `Bearer ${own.adminApiKey}` } })).arrayBuffer(),
      );
      const sealed = await own.ctx.pdfSealer.seal(plain, { businessName: VAT_BUSINESS.nameEn, signingTime: new Date('2026-11-25T03:00:00Z') });
      const out = pdfsig(sealed);
      expect(out).toContain('Signature is Valid.');
      expect(out).toContain(`Common Name: ${VAT_BUSINESS.nameEn}`);
      expect(out).not.toMatch(/Syntax Error/);
      const key = path.join(own.dataDir, 'seal', 'seal-key.pem');
      expect(statSync(key).mode & 0o777).toBe(0o600);
      // The same certificate next time: sealing is deterministic for the same PDF and time.
      expect((await own.ctx.pdfSealer.seal(plain, { businessName: VAT_BUSINESS.nameEn, signingTime: new Date('2026-11-25T03:00:00Z') })).equals(sealed)).toBe(
        true,
      );
    } finally {
      await own.stop();
    }
  });
});
