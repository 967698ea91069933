/**
 * A web instance next to a worker on the same database (`LINE_WEBHOOK_HANDLING=worker` +
 * `npm run worker`; on PostgreSQL also two instances): what the worker commits — a revocation from the bot, a stage move — must reach
 * the web instance's caches and its open portals within about a second. Two applications with
 * their own connections stand in for the two processes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { readStreamUntil } from '../../helpers/sse.ts';

let web: TestApp;
let worker: TestApp;
let f: PortalFixture;

beforeAll(async () => {
  web = await startTestApp();
  f = await createPortalFixture(web);
  worker = await startTestApp({ env: { DATA_DIR: web.dataDir, DATABASE_URL: web.ctx.config.databaseUrl } });
});
afterAll(async () => {
  await worker.stop();
  await web.stop();
});

describe('writes by another process on the same database', () => {
  it('a revocation made by the worker closes the link on the web instance (cached before) within a second', async () => {
    const link = await issueLink(web, 'customer', f.otherCustomerId);
    expect((await fetch(`${web.baseUrl}/api/portal/${link.token}`)).status).toBe(200); // now cached
    const revoked = await worker.admin('DELETE', `/links/${link.id}`);
    expect(revoked.status).toBe(200);
    await expect.poll(async () => (await fetch(`${web.baseUrl}/api/portal/${link.token}`)).status, { timeout: 1000, interval: 50 }).toBe(410);
  });

  it('a stage moved by the worker reaches a portal open on the web instance, once', async () => {
    const link = await issueLink(web, 'customer', f.customerId);
    const controller = new AbortController();
    const stream = await fetch(`${web.baseUrl}/api/portal/${link.token}/events`, { signal: controller.signal });
    const moved = await worker.admin('POST', `/jobs/${f.jobId}/stage`, { stage: 'picking', note: 'จากผู้ปฏิบัติงาน' });
    expect(moved.status).toBe(200);
    const heard = await readStreamUntil(stream.body!, 'จากผู้ปฏิบัติงาน', 1000);
    expect(heard).toContain('event: job.stage');
    expect(heard.match(/event: job\.stage/g)).toHaveLength(1);
    controller.abort();
  });

  it('money recorded by the worker shows on the web instance (the cached view is dropped)', async () => {
    const link = await issueLink(web, 'invoice', f.secondInvoiceId);
    const before = await (await fetch(`${web.baseUrl}/api/portal/${link.token}`)).json();
    expect(before.invoices[0].payments).toHaveLength(0);
    expect((await worker.admin('POST', `/invoices/${f.secondInvoiceId}/payments`, { amountSatang: 100, method: 'cash' })).status).toBe(201);
    await expect
      .poll(async () => (await (await fetch(`${web.baseUrl}/api/portal/${link.token}`)).json()).invoices[0].payments.length, { timeout: 1000, interval: 50 })
      .toBe(1);
  });
});

describe('an open live stream and revocation', () => {
  it('hears nothing more once its link is revoked', async () => {
    const link = await issueLink(web, 'customer', f.customerId);
    const controller = new AbortController();
    const stream = await fetch(`${web.baseUrl}/api/portal/${link.token}/events`, { signal: controller.signal });
    expect((await web.admin('DELETE', `/links/${link.id}`)).status).toBe(200);
    const current = (await web.ctx.db.job.findUniqueOrThrow({ where: { id: f.jobId } })).stage;
    expect((await web.admin('POST', `/jobs/${f.jobId}/stage`, { stage: current === 'loaded' ? 'delivering' : 'loaded' })).status).toBe(200);
    const heard = await readStreamUntil(stream.body!, 'job.stage', 400);
    expect(heard).not.toContain('job.stage');
    controller.abort();
  });
});
