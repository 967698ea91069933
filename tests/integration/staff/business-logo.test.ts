import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { signInNewStaff, startStaffTestApp, type SignedInStaffMember, type StaffTestApp } from '../../helpers/staff-app.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { pdfImages, pdfPageGrey } from '../../unit/documents/pdf-tools.ts';

let app: StaffTestApp;
let staff: SignedInStaffMember;
let owner: SignedInStaffMember;

/** A 1200 × 600 two-colour JPEG, as a phone would send. */
async function photoLogo(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 600, channels: 3, background: '#1d4ed8' } })
    .composite([{ input: Buffer.from('<svg width="600" height="600"><rect width="600" height="600" fill="#f59e0b"/></svg>'), left: 0, top: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function documentPdf(documentId: string): Promise<Buffer> {
  const res = await fetch(`${app.t.baseUrl}/api/admin/documents/${documentId}`, { headers: { authorization: `Bearer ${app.t.adminApiKey}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  app = await startStaffTestApp();
  staff = await signInNewStaff(app, 'staff');
  owner = await signInNewStaff(app, 'owner');
});
afterAll(() => app.stop());

describe('business logo: upload and removal (owner only)', () => {
  it('staff get 403 and no logo is stored', async () => {
    const image = (await photoLogo()).toString('base64');
    const r = await staff.api.adminOp('saveBusinessLogo', { body: { image } });
    expect(r.status).toBe(403);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect(await app.t.ctx.db.businessLogo.count()).toBe(0);
    expect((await staff.api.adminOp('removeBusinessLogo')).status).toBe(403);
  });

  it('a file that is not a PNG or JPEG is a 400 naming the field, whatever it is called', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const r = await owner.api.adminOp('saveBusinessLogo', { body: { image: html } });
    expect(r.status).toBe(400);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.body.error.code).toBe('VALIDATION');
    expect(JSON.stringify(r.body.error)).toContain('image');
    const notBase64 = await owner.api.adminOp('saveBusinessLogo', { body: { image: '***' } });
    expect(notBase64.status).toBe(400);
    expect(JSON.stringify(notBase64.body)).toContain('image');
    expect(await app.t.ctx.db.businessLogo.count()).toBe(0);
  });

  it('a picture over 500 KB is refused (413 naming the field) and nothing is stored', async () => {
    // Noise does not compress: a 400 × 400 PNG of random pixels is about 480 KB; 430 px is over 500 KB.
    const noise = Buffer.alloc(430 * 430 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 430, height: 430, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.byteLength).toBeGreaterThan(500 * 1024);
    const r = await owner.api.adminOp('saveBusinessLogo', { body: { image: big.toString('base64') } });
    expect(r.status).toBe(413);
    expect(JSON.stringify(r.body)).toContain('image');
    expect(await app.t.ctx.db.businessLogo.count()).toBe(0);
  });

  it('the owner uploads a JPEG: stored as a PNG of at most 512 px, served at a cacheable URL without a token', async () => {
    const logo = await owner.api.adminOk('saveBusinessLogo', { body: { image: (await photoLogo()).toString('base64') } });
    expect(logo).toMatchObject({ width: 512, height: 256 });
    expect(logo.url).toBe(`/business-logo/${logo.sha256}.png`);
    expect((await staff.api.adminOk('getBusinessLogo')).logo).toEqual(logo);
    const res = await fetch(`${app.t.baseUrl}${logo.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 512, height: 256 });
    expect((await fetch(`${app.t.baseUrl}/business-logo/${'0'.repeat(64)}.png`)).status).toBe(404);
  });

  it('the portal header shows it', async () => {
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณโลโก้' } });
    const link = await issueLink(app.t, 'customer', customer.id);
    const html = await (await fetch(`${app.t.baseUrl}/c/${link.token}`)).text();
    const data = JSON.parse(/<script type="application\/json" id="portal-data">([\s\S]*?)<\/script>/.exec(html)![1]!);
    const stored = await app.t.ctx.db.businessLogo.findUniqueOrThrow({ where: { id: 'default' } });
    expect(data.business.logoUrl).toBe(`/business-logo/${stored.sha256}.png`);
    expect(data.business.logoUrl).not.toContain(link.token);
  });

  it('every page of a document carries the logo in its header', async () => {
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณหัวกระดาษ' } });
    const lines = Array.from({ length: 40 }, (_, i) => ({ description: `รายการเช่าอุปกรณ์ ${i + 1}`, quantity: 1, unitPriceSatang: 100_00 }));
    const invoice = await app.t.adminOk('createInvoice', { body: { customerId: customer.id, lines, dueDate: '2026-12-31' } });
    const pdf = await documentPdf(`invoice.${invoice.id}`);
    const images = pdfImages(pdf);
    const pages = new Set(images.map((i) => i.page));
    expect(pages.size).toBeGreaterThan(1);
    expect(images.filter((i) => i.width === 512 && i.height === 256).map((i) => i.page)).toEqual([...pages]);
    // Top-left corner (the logo slot) is coloured on page 1: blue and amber read as mid-grey.
    const grey = pdfPageGrey(pdf, 1, 40);
    let dark = 0;
    for (let y = Math.round(grey.height * 0.03); y < Math.round(grey.height * 0.09); y++) {
      for (let x = Math.round(grey.width * 0.06); x < Math.round(grey.width * 0.15); x++) if ((grey.pixels[y * grey.width + x] ?? 255) < 200) dark++;
    }
    expect(dark).toBeGreaterThan(20);
  });

  it('the owner removes it: the portal and new documents show none, the old URL is a 404', async () => {
    const before = await app.t.ctx.db.businessLogo.findUniqueOrThrow({ where: { id: 'default' } });
    expect(await owner.api.adminOk('removeBusinessLogo')).toEqual({ removed: true });
    expect(await app.t.ctx.db.businessLogo.count()).toBe(0);
    expect((await owner.api.adminOk('getBusinessLogo')).logo).toBeNull();
    expect((await fetch(`${app.t.baseUrl}/business-logo/${before.sha256}.png`)).status).toBe(404);
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณไม่มีโลโก้' } });
    const quote = await app.t.adminOk('createQuote', {
      body: { customerId: customer.id, lines: [{ description: 'งาน', quantity: 1, unitPriceSatang: 100_00 }], validUntil: '2026-12-31' },
    });
    const pdf = await documentPdf(`quote.${quote.id}`);
    expect(pdfImages(pdf).filter((i) => i.width === 512)).toEqual([]);
  });
});
