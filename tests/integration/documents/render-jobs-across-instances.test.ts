/**
 * Two instances on one database issue legal documents at once: each render job is claimed by one
 * run across both (a lease on DocumentSnapshot), so each PDF is rendered and stored exactly once —
 * counted by the "document rendered" log line every render writes, the stored rows and the store's
 * keys. A lease that runs out (its instance crashed) lets the other instance's retry take the job;
 * a failed render is alarmed and stays open for the retry. Runs on SQLite and on PostgreSQL.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, VAT_BUSINESS, type TestApp } from '../../helpers/test-app.ts';
import { documentIssuer } from '../../../server/documents/document-pdfs.ts';
import { claimRenderJob } from '../../../server/data/claim-render-job.ts';
import { blobKeys, isStored, loseDocument, refuseBlobWrites } from '../../helpers/stored-blobs.ts';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startTestApp();
  await a.adminOk('saveBusiness', { body: VAT_BUSINESS });
  b = await startTestApp({ env: { DATA_DIR: a.dataDir, DATABASE_URL: a.ctx.config.databaseUrl } });
});
afterAll(async () => {
  await b.stop();
  await a.stop();
});

/** Where both instances' logs are now. */
const mark = () => [a.logLines.length, b.logLines.length] as const;

/** Every render either instance has done since `from`, by document id, as its log line says. */
function rendersSince(from: readonly [number, number]): string[] {
  return [...a.logLines.slice(from[0]), ...b.logLines.slice(from[1])]
    .map((line) => JSON.parse(line) as { msg: string; document?: string })
    .filter((entry) => entry.msg === 'document rendered')
    .map((entry) => entry.document!);
}

/**
 * Runs the tasks at once on PostgreSQL. On SQLite one after another: both applications share this
 * test's process, and a SQLite write waiting for the other connection's lock blocks the whole
 * process (better-sqlite3 is synchronous), so the lock holder could not finish — two real
 * processes do not have that problem, and SQLite serialises writers anyway.
 */
async function atOnce<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  if (a.ctx.config.databaseProvider !== 'sqlite') return Promise.all(tasks.map((task) => task()));
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

/** A customer with a sent invoice, made through instance `t`. */
async function sentInvoice(t: TestApp, name: string) {
  const c = await t.adminOk('createCustomer', {
    body: { name, companyName: `บริษัท ${name} จำกัด`, taxId: '0105558123451', branchCode: '00000', address: '10 ถนนสีลม กรุงเทพฯ 10500' },
  });
  return t.adminOk('createInvoice', {
    body: { customerId: c.id, dueDate: '2026-12-31', lines: [{ description: 'ค่าเช่าลำโพง', quantity: 1, unitPriceSatang: 150_000 }] },
  });
}

async function pay(t: TestApp, invoice: { id: string; netPayableSatang: number }) {
  const paid = await t.adminOk('recordPayment', { params: { id: invoice.id }, body: { amountSatang: invoice.netPayableSatang, method: 'bank_transfer' } });
  return [`receipt.${paid.receipt.id}`, `tax_invoice.${paid.payment.id}`];
}

async function job(documentId: string) {
  const [documentType, id] = documentId.split('.') as [string, string];
  return a.ctx.db.documentSnapshot.findUniqueOrThrow({ where: { documentType_documentId: { documentType, documentId: id } } });
}

/** Runs instance `t`'s retry worker once (at start) and waits for it. */
async function retryOnce(t: TestApp) {
  const worker = documentIssuer(t.ctx);
  worker.startRetries(60_000);
  await worker.stop();
}

describe('two instances issuing documents at once', () => {
  it('render each PDF exactly once, and every issued document is stored', async () => {
    const invoices = await Promise.all(Array.from({ length: 8 }, (_, i) => sentInvoice(i % 2 ? b : a, `คุณพร้อมกัน${i}`)));
    const before = mark();
    const issued = (await atOnce(invoices.map((invoice, i) => () => pay(i % 2 ? b : a, invoice)))).flat();
    // Both instances run again at once, and their retry workers too: nothing is left to render.
    await atOnce([() => a.ctx.documents.storePending(), () => b.ctx.documents.storePending(), () => retryOnce(a), () => retryOnce(b)]);
    const rendered = rendersSince(before);
    expect(rendered.sort()).toEqual([...issued].sort());
    for (const documentId of issued) {
      expect(await isStored(a, documentId), documentId).toBe(true);
      const open = await job(documentId);
      expect([open.renderPending, open.renderClaimedBy, open.renderClaimedUntil]).toEqual([false, null, null]);
    }
    // One write per document: no bytes of a second render left behind in the store.
    for (const documentId of issued) {
      const [kind, id] = documentId.split('.') as [string, string];
      expect(await blobKeys(a, `documents/${kind}/${id}.`)).toHaveLength(1);
    }
  });

  it('jobs left open (the process stopped after its commits) run by both instances at once are each rendered once', async () => {
    const invoices = await Promise.all(Array.from({ length: 6 }, (_, i) => sentInvoice(a, `คุณค้างไว้${i}`)));
    const issued: string[] = [];
    for (const invoice of invoices) issued.push(...(await pay(a, invoice)));
    // As if the process had stopped right after its commits: nothing stored, the jobs never claimed.
    for (const documentId of issued) {
      const [documentType, id] = documentId.split('.') as [string, string];
      await loseDocument(a, documentId);
      await a.ctx.db.issuedDocument.deleteMany({ where: { documentType, documentId: id } });
      await a.ctx.db.documentSnapshot.updateMany({
        where: { documentType, documentId: id },
        data: { renderPending: true, renderClaimedBy: null, renderClaimedUntil: null },
      });
    }
    const before = mark();
    await atOnce([() => a.ctx.documents.storePending(), () => b.ctx.documents.storePending(), () => retryOnce(a), () => retryOnce(b)]);
    expect(rendersSince(before).sort()).toEqual([...issued].sort());
    for (const documentId of issued) {
      expect(await isStored(b, documentId), documentId).toBe(true);
      expect((await job(documentId)).renderPending).toBe(false);
    }
  });

  it('a job whose lease ran out (its instance crashed) is taken by the other instance, once', async () => {
    const invoice = await sentInvoice(a, 'คุณเครื่องดับ');
    const allowWrites = await refuseBlobWrites(a, 'documents/', 'the store is full');
    let issued: string[];
    try {
      issued = await pay(a, invoice);
    } finally {
      await allowWrites();
    }
    // Instance A claims the receipt's job and dies before rendering it.
    const now = a.clock.now();
    const claimed = await claimRenderJob(a.ctx.db, a.ctx.config.databaseProvider, {
      now,
      token: 'instance-a-crashed',
      claimedUntil: new Date(now.getTime() + 120_000),
      scope: 'any',
    });
    expect(claimed).not.toBeNull();
    const held = `${claimed!.documentType}.${claimed!.documentId}`;
    const other = issued.find((d) => d !== held)!;
    const before = mark();
    // B's next run after a commit and its retry leave the held job alone (the retry takes the other one).
    await b.ctx.documents.storePending();
    await retryOnce(b);
    expect(rendersSince(before)).toEqual([other]);
    expect(await isStored(b, held)).toBe(false);
    expect((await job(held)).renderClaimedBy).toBe('instance-a-crashed');
    // The lease runs out: B's retry takes the job.
    b.clock.advance(120_001);
    a.clock.advance(120_001); // the instances share one time
    await retryOnce(b);
    expect(rendersSince(before)).toEqual([other, held]);
    expect(await isStored(b, held)).toBe(true);
    expect((await job(held)).renderPending).toBe(false);
  });

  it('a render that fails raises document_render_failed, leaves the job open, and is done by a retry', async () => {
    const invoice = await sentInvoice(b, 'คุณร้านเต็ม');
    const allowWrites = await refuseBlobWrites(b, 'documents/', 'the store refused the bytes');
    let issued: string[];
    try {
      issued = await pay(b, invoice);
      for (const documentId of issued) {
        const alarms = await b.ctx.db.operatorAlarm.findMany({ where: { subject: documentId } });
        expect(alarms.map((x) => [x.kind, x.resolvedAt])).toEqual([['document_render_failed', null]]);
        const open = await job(documentId);
        // Given back: its lease has ended.
        expect(open.renderPending).toBe(true);
        expect(open.renderClaimedUntil!.getTime()).toBeLessThanOrEqual(b.clock.now().getTime());
      }
    } finally {
      await allowWrites();
    }
    const before = mark();
    // The other instance's run after a commit takes fresh jobs only: a failed one is the retry's.
    await a.ctx.documents.storePending();
    expect(rendersSince(before)).toEqual([]);
    await retryOnce(a);
    expect(rendersSince(before).sort()).toEqual([...issued].sort());
    for (const documentId of issued) {
      expect(await isStored(a, documentId)).toBe(true);
      const alarms = await a.ctx.db.operatorAlarm.findMany({ where: { subject: documentId } });
      expect(alarms[0]?.resolvedAt).not.toBeNull();
    }
  });
});
