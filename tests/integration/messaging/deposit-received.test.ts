/**
 * Money towards a security deposit tells the client, with the DEPR receipt attached to the email:
 * when staff record a collection (admin API) and when they confirm the client's deposit notice
 * (with Idempotency-Key: a replay records and sends nothing new; another body is 422). Portal
 * events of an idempotent request wait for its commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMessagingFixture, type MessagingFixture } from './messaging-fixture.ts';
import { issueLink } from '../../helpers/portal-fixtures.ts';
import { slipPayload, slipPng } from '../../helpers/slip-image.ts';
import { runIdempotent } from '../../../server/services/idempotent-request.ts';
import { paymentsChangedEvent, type PortalEvent } from '../../../server/services/portal-events.ts';

let f: MessagingFixture;

beforeAll(async () => {
  f = await startMessagingFixture({ now: '2026-11-25T03:00:00.000Z' });
});
afterAll(() => f.stop());

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'depr-mail-'));
  writeFileSync(path.join(dir, 'r.pdf'), bytes);
  return execFileSync('pdftotext', ['-raw', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).normalize('NFKC');
}

async function mailFor(receiptNumber: string) {
  const before = f.smtp.mails.length;
  await f.t.messaging.drainOnce();
  const mails = (await f.smtp.waitForMails(before + 1)).slice(before);
  const mail = mails.find((m) => m.parsed.subject?.includes(receiptNumber));
  expect(mail, `a mail naming ${receiptNumber}`).toBeDefined();
  return mail!;
}

async function servedPdf(receiptId: string): Promise<Buffer> {
  const res = await fetch(`${f.t.baseUrl}/api/admin/documents/receipt.${receiptId}`, { headers: { authorization: `Bearer ${f.t.adminApiKey}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('deposit received', () => {
  it('a collection staff record through the admin API sends deposit_received with the DEPR PDF', async () => {
    const customerId = await f.customer({ email: 'deposit@example.com' });
    const deposit = await f.t.adminOk('createDeposit', { body: { customerId, requiredSatang: 1_000_000 } });
    const collected = await f.t.adminOk('collectDeposit', {
      params: { id: deposit.id },
      body: { amountSatang: 400_000, method: 'bank_transfer', reference: 'KBANK 1' },
    });
    expect(collected.receipt.type).toBe('DEPR');
    const message = await f.t.ctx.db.outboxMessage.findFirstOrThrow({ where: { customerId, kind: 'deposit_received' } });
    expect(message.channel).toBe('email');
    expect(JSON.parse(message.payload)).toMatchObject({
      depositNumber: deposit.number,
      receiptNumber: collected.receipt.number,
      amountSatang: 400_000,
      heldSatang: 400_000,
      requiredSatang: 1_000_000,
      paidOn: '2026-11-25',
      attachDocumentId: `receipt.${collected.receipt.id}`,
      link: { path: '/deposits' },
    });

    const mail = await mailFor(collected.receipt.number);
    expect(mail.to).toEqual(['deposit@example.com']);
    expect(mail.parsed.subject).toBe(`บริษัท ทดสอบ จำกัด: ได้รับเงินประกัน ฿4,000.00 ใบรับเงินประกัน ${collected.receipt.number}`);
    expect(mail.parsed.text).toContain('คงค้าง');
    expect(mail.parsed.text).toMatch(/\/c\/[A-Za-z0-9_-]{32}\/deposits/);
    const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf, 'DEPR receipt attached').toBeDefined();
    expect(pdf!.filename).toContain(collected.receipt.number);
    expect(pdf!.content.equals(await servedPdf(collected.receipt.id))).toBe(true);
    expect(pdfText(pdf!.content)).toContain(collected.receipt.number);
  });

  it('confirming a deposit notice sends deposit_received; Idempotency-Key replays the answer with nothing new, another body is 422', async () => {
    const customerId = await f.customer({ email: 'notice-deposit@example.com' });
    const deposit = await f.t.adminOk('createDeposit', { body: { customerId, requiredSatang: 500_000 } });
    const { token } = await issueLink(f.t, 'customer', customerId);
    const form = new FormData();
    form.set('target', `deposit.${deposit.id}`);
    form.set('amountSatang', '500000');
    form.set('slip', new Blob([new Uint8Array(await slipPng(slipPayload('0153DEPOSIT0001ABCDEF')))], { type: 'image/png' }), 'slip.png');
    const sent = await fetch(`${f.t.baseUrl}/api/portal/${token}/payment-notices`, { method: 'POST', body: form });
    expect(sent.status).toBe(201);
    const noticeId = ((await sent.json()) as { id: string }).id;

    const counts = async () => ({
      collections: await f.t.ctx.db.depositCollection.count({ where: { depositId: deposit.id } }),
      receipts: await f.t.ctx.db.receipt.count({ where: { customerId } }),
      messages: await f.t.ctx.db.outboxMessage.count({ where: { customerId, kind: 'deposit_received' } }),
    });
    const confirm = (body: Record<string, unknown>) =>
      f.t.adminOp('confirmPaymentNotice', { params: { id: noticeId }, body, headers: { 'Idempotency-Key': `confirm-${noticeId}` } });
    const first = await confirm({});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const afterFirst = await counts();
    expect(afterFirst).toEqual({ collections: 1, receipts: 1, messages: 1 });

    const replay = await confirm({});
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await counts()).toEqual(afterFirst);

    const other = await confirm({ amountSatang: 1000 });
    expect(other.status).toBe(422);
    expect(other.ok ? null : other.body.error.field).toBe('Idempotency-Key');
    expect(await counts()).toEqual(afterFirst);

    const receipt = first.ok ? first.body.receipt : null;
    expect(receipt?.type).toBe('DEPR');
    const mail = await mailFor(receipt!.number);
    expect(mail.to).toEqual(['notice-deposit@example.com']);
    expect(mail.parsed.text).toContain('ชำระครบแล้ว');
    const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf!.content.equals(await servedPdf(receipt!.id))).toBe(true);
  });
});

describe('portal events of an idempotent request', () => {
  it('are delivered after the commit, and never when the transaction rolls back', async () => {
    const customerId = await f.customer();
    const heard: PortalEvent[] = [];
    const stop = f.t.ctx.events.subscribe(customerId, (event) => heard.push(event));
    try {
      const request = (key: string) => ({ scope: 'test', key, requestHash: 'h' });
      await expect(
        runIdempotent(f.t.ctx, request('rolls-back'), async (joined) => {
          joined.events.publish(paymentsChangedEvent(customerId, 'n-rolled-back', 'confirmed'));
          throw new Error('the work fails after announcing');
        }),
      ).rejects.toThrow('the work fails');
      expect(heard).toEqual([]);

      let heardInside = -1;
      await runIdempotent(f.t.ctx, request('commits'), async (joined) => {
        joined.events.publish(paymentsChangedEvent(customerId, 'n-committed', 'confirmed'));
        heardInside = heard.length;
        return { status: 200, body: { ok: true } };
      });
      expect(heardInside).toBe(0);
      expect(heard.map((e) => e.changeId)).toEqual(['notice:n-committed:confirmed']);
    } finally {
      stop();
    }
  });
});
