/**
 * Accept & Sign and Decline through the real app: SQLite, the SMTP sink, the fake LINE API.
 * Every refusal is a 4xx naming the field (or the state) and changes nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fakeLineUserId } from '../../fakes/fake-line-api.ts';
import { startMessagingFixture, type MessagingFixture } from '../messaging/messaging-fixture.ts';
import { blankWhitePng, dataUrl, signaturePng, tinyScribblePng } from '../../helpers/signature-png.ts';
import { decodeQrPng } from '../../helpers/decode-qr.ts';

let m: MessagingFixture;
let staffLineId: string;

beforeAll(async () => {
  m = await startMessagingFixture({ now: '2026-11-25T03:00:00.000Z' });
  staffLineId = fakeLineUserId();
  await m.t.ctx.db.staff.create({ data: { lineUserId: staffLineId, displayName: 'Owner', role: 'owner', language: 'th' } });
});
afterAll(async () => {
  await m.stop();
});

async function ok(p: Promise<{ status: number; body: any }>, status = 201) {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A sent quote (optionally with a job and a deposit) and its quote link. */
async function sentQuote(options: { depositSatang?: number; validUntil?: string; customerId?: string; withJob?: boolean } = {}) {
  const customerId = options.customerId ?? (await m.customer({ name: 'คุณสมหญิง ลงนาม', email: `sign-${Math.random().toString(36).slice(2)}@example.com` }));
  const job = options.withJob ? await ok(m.t.admin('POST', '/jobs', { customerId, title: 'งานแต่งงาน' })) : null;
  const quote = await ok(
    m.t.admin('POST', '/quotes', {
      customerId,
      ...(job ? { jobId: job.id } : {}),
      validUntil: options.validUntil ?? '2026-12-10',
      lines: [{ description: 'เช่าเครื่องเสียงงานแต่ง', quantity: 2, unitPriceSatang: 1_250_000 }],
      depositSatang: options.depositSatang ?? 0,
    }),
  );
  await ok(m.t.admin('POST', `/quotes/${quote.id}/send`), 200);
  const link = await ok(m.t.admin('POST', '/links', { scope: 'quote', id: quote.id }));
  return {
    customerId,
    quoteId: quote.id as string,
    number: quote.number as string,
    token: String(link.url).split('/c/')[1]!,
    jobId: job?.id as string | undefined,
  };
}

async function customerToken(customerId: string) {
  const link = await ok(m.t.admin('POST', '/links', { scope: 'customer', id: customerId }));
  return String(link.url).split('/c/')[1]!;
}

function post(token: string, quoteId: string, action: 'accept' | 'decline', body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${m.t.baseUrl}/api/portal/${token}/quotes/${quoteId}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (iPhone) Line/14.0', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const goodBody = () => ({ name: 'สมหญิง ลงนาม', signature: dataUrl(signaturePng()), consent: true });

async function counts() {
  const db = m.t.ctx.db;
  return {
    signatures: await db.quoteSignature.count(),
    accepted: await db.quote.count({ where: { status: 'accepted' } }),
    declined: await db.quote.count({ where: { status: 'declined' } }),
    deposits: await db.deposit.count(),
    jobs: await db.job.count(),
    outbox: await db.outboxMessage.count(),
  };
}

describe('accept & sign', () => {
  it('accepts once: signature recorded, job booked, deposit asked, client copy and staff notice sent; the page gets the deposit QR', async () => {
    const q = await sentQuote({ depositSatang: 500_000 });
    const before = await m.t.ctx.db.job.count();
    const viewBefore = await (await fetch(`${m.t.baseUrl}/api/portal/${q.token}`)).json();
    // Before acceptance: no deposit, no QR, and the quote can be answered.
    expect(viewBefore.deposits).toEqual([]);
    expect(viewBefore.quotes[0]).toMatchObject({ canRespond: true, expired: false, document: { number: q.number, depositSatang: 500_000 } });
    expect(viewBefore.quotes[0].document.lines).toEqual([
      { description: 'เช่าเครื่องเสียงงานแต่ง', quantity: 2, unitPriceSatang: 1_250_000, amountSatang: 2_500_000 },
    ]);
    expect(viewBefore.quotes[0].document.totals).toMatchObject({ subtotalSatang: 2_500_000, vatSatang: 175_000, totalSatang: 2_675_000, vatMode: 'exclusive' });
    expect(viewBefore.customer.contactName).toBe('คุณสมหญิง ลงนาม');

    const res = await post(q.token, q.quoteId, 'accept', goodBody(), { 'x-portal-channel': 'liff' });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      status: 'accepted',
      signedDocumentId: `signed_quote.${q.quoteId}`,
      next: { kind: 'deposit', amountSatang: 500_000, payee: 'บจก. ทดสอบ' },
    });
    expect(body.next.number).toMatch(/^DEP-/);
    expect(body.next.qrImageUrl).toBe(`/api/portal/${q.token}/qr/deposit/${body.next.depositId}.png`);
    expect(body.next.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const qr = decodeQrPng(Buffer.from(body.next.qrDataUrl.split(',')[1], 'base64'));
    expect(qr).toBe(body.next.promptPayPayload);

    const db = m.t.ctx.db;
    const quote = await db.quote.findUniqueOrThrow({ where: { id: q.quoteId }, include: { signature: true, job: { include: { history: true } } } });
    expect(quote.status).toBe('accepted');
    expect(quote.acceptedAt?.toISOString()).toBe('2026-11-25T03:00:00.000Z');
    expect(quote.signature).toMatchObject({ signerName: 'สมหญิง ลงนาม', channel: 'liff', userAgent: 'Mozilla/5.0 (iPhone) Line/14.0' });
    expect(quote.signature!.ip).toBeTruthy();
    expect(quote.signature!.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(quote.signature!.signaturePng).equals(signaturePng())).toBe(true);
    const link = await db.portalLink.findFirstOrThrow({ where: { quoteId: q.quoteId } });
    expect(quote.signature!.linkId).toBe(link.id);
    // A job booked from the quote, at its first stage.
    expect(await db.job.count()).toBe(before + 1);
    expect(quote.job).toMatchObject({ stage: 'new', title: 'เช่าเครื่องเสียงงานแต่ง' });
    const deposit = await db.deposit.findUniqueOrThrow({ where: { id: body.next.depositId } });
    expect(deposit).toMatchObject({ quoteId: q.quoteId, jobId: quote.jobId, requiredSatang: 500_000, status: 'pending', number: body.next.number });
    expect(await db.activityLog.count({ where: { action: 'sign', documentId: q.quoteId } })).toBe(1);

    // The quote link has ended; the answer above already carried what the page needs.
    expect((await fetch(`${m.t.baseUrl}/api/portal/${q.token}`)).status).toBe(410);

    // Documents (customer link): the signed quote replaces the unsigned one; the deposit is payable now.
    const ctoken = await customerToken(q.customerId);
    const view = await (await fetch(`${m.t.baseUrl}/api/portal/${ctoken}`)).json();
    const ids = view.documents.map((d: any) => d.id);
    expect(ids).toContain(`signed_quote.${q.quoteId}`);
    expect(ids).not.toContain(`quote.${q.quoteId}`);
    const vq = view.quotes.find((x: any) => x.id === q.quoteId);
    expect(vq).toMatchObject({
      status: 'accepted',
      canRespond: false,
      expired: false,
      signed: { name: 'สมหญิง ลงนาม', signedAtIso: '2026-11-25T10:00:00+07:00', signedAtThai: '25 พ.ย. 2569 10:00 น.' },
    });
    expect(view.deposits.find((d: any) => d.id === deposit.id)?.pay?.amountSatang).toBe(500_000);
    expect((await fetch(`${m.t.baseUrl}${body.next.qrImageUrl.replace(q.token, ctoken)}`)).status).toBe(200);
    const pdf = await fetch(`${m.t.baseUrl}/api/portal/${ctoken}/documents/signed_quote.${q.quoteId}.pdf`);
    expect(pdf.status).toBe(200);
    const issued = await db.issuedDocument.findUniqueOrThrow({
      where: { documentType_documentId_variant: { documentType: 'signed_quote', documentId: q.quoteId, variant: 'original' } },
    });
    expect(pdf.headers.get('etag')).toBe(`"${issued.sha256}"`);

    // The client's copy through the outbox (email with the signed PDF), and staff told in LINE.
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `quote-signed:${q.quoteId}` } });
    expect(message).toMatchObject({ kind: 'quote_signed', channel: 'email' });
    await m.t.messaging.drainOnce();
    const mail = (await m.smtp.waitForMails(1)).find((x) => x.parsed.subject?.includes(q.number) && x.parsed.subject.includes('ลงนามแล้ว'));
    expect(mail, 'signed copy email').toBeDefined();
    const attached = mail!.parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(attached && Buffer.from(attached.content).equals(Buffer.from(await pdf.arrayBuffer()))).toBe(true);
    const staffPush = m.line.pushes.find((p) => p.to === staffLineId && JSON.stringify(p.messages).includes(q.number));
    expect(staffPush, 'staff pushed in LINE').toBeDefined();
    expect(JSON.stringify(staffPush!.messages)).toContain('ลูกค้ายอมรับใบเสนอราคา');
  });

  it('a double submit accepts once; the second gets 409 and changes nothing', async () => {
    const q = await sentQuote({ depositSatang: 100_000 });
    const ctoken = await customerToken(q.customerId);
    const [a, b] = await Promise.all([post(ctoken, q.quoteId, 'accept', goodBody()), post(ctoken, q.quoteId, 'accept', goodBody())]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const db = m.t.ctx.db;
    expect(await db.quoteSignature.count({ where: { quoteId: q.quoteId } })).toBe(1);
    expect(await db.deposit.count({ where: { quoteId: q.quoteId } })).toBe(1);
    const before = await counts();
    const again = await post(ctoken, q.quoteId, 'accept', goodBody());
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({
      code: 'CONFLICT',
      messages: { th: 'ใบเสนอราคานี้ได้รับการยอมรับแล้ว', en: 'This quote has already been accepted' },
    });
    expect(await counts()).toEqual(before);
  });

  it('a job linked to the quote at its first stage stays booked and gets the acceptance on its timeline', async () => {
    const q = await sentQuote({ withJob: true });
    const res = await post(q.token, q.quoteId, 'accept', goodBody());
    expect(res.status).toBe(200);
    expect((await res.json()).next).toBeNull();
    const job = await m.t.ctx.db.job.findUniqueOrThrow({ where: { id: q.jobId! }, include: { history: { orderBy: { changedAt: 'asc' } } } });
    expect(job.stage).toBe('new');
    expect(job.history.at(-1)?.note).toContain(q.number);
  });
});

describe('bad input and wrong states: a clear 4xx and nothing changes', () => {
  const cases: [string, () => unknown, number, string][] = [
    ['blank white PNG', () => ({ ...goodBody(), signature: dataUrl(blankWhitePng()) }), 400, 'signature'],
    ['a tiny scribble', () => ({ ...goodBody(), signature: dataUrl(tinyScribblePng()) }), 400, 'signature'],
    ['empty signature', () => ({ ...goodBody(), signature: '' }), 400, 'signature'],
    [
      'non-PNG bytes',
      () => ({ ...goodBody(), signature: `data:image/png;base64,${Buffer.from('GIF89a not a png at all').toString('base64')}` }),
      400,
      'signature',
    ],
    ['a JPEG data URL', () => ({ ...goodBody(), signature: `data:image/jpeg;base64,${signaturePng().toString('base64')}` }), 400, 'signature'],
    [
      'over 1 MB',
      () => ({ ...goodBody(), signature: dataUrl(Buffer.concat([signaturePng().subarray(0, 8), Buffer.alloc(1024 * 1024 + 10, 7)])) }),
      400,
      'signature',
    ],
    ['missing consent', () => ({ name: 'สมหญิง', signature: dataUrl(signaturePng()) }), 400, 'consent'],
    ['consent as a string', () => ({ ...goodBody(), consent: 'yes' }), 400, 'consent'],
    ['blank name', () => ({ ...goodBody(), name: '   ' }), 400, 'name'],
    ['a name with a bidi override', () => ({ ...goodBody(), name: 'abc\u202Edcba' }), 400, 'name'],
  ];

  it.each(cases)('%s: refused, naming the field', async (_label, body, status, field) => {
    const q = await sentQuote();
    const before = await counts();
    const res = await post(q.token, q.quoteId, 'accept', body());
    expect(res.status).toBe(status);
    const error = (await res.json()).error;
    expect(error.field).toBe(field);
    expect(error.messages.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(error.messages.en).toBeTruthy();
    expect(await counts()).toEqual(before);
    expect((await m.t.ctx.db.quote.findUniqueOrThrow({ where: { id: q.quoteId } })).status).toBe('sent');
  });

  it("another customer's quote, a quote outside the link and a draft are 404 like every portal route", async () => {
    const mine = await sentQuote();
    const theirs = await sentQuote();
    const draft = await ok(
      m.t.admin('POST', '/quotes', {
        customerId: mine.customerId,
        validUntil: '2026-12-10',
        lines: [{ description: 'ร่าง', quantity: 1, unitPriceSatang: 1000 }],
      }),
    );
    const ctoken = await customerToken(mine.customerId);
    const before = await counts();
    for (const [token, quoteId] of [
      [ctoken, theirs.quoteId],
      [mine.token, theirs.quoteId],
      [ctoken, draft.id],
      [mine.token, draft.id],
      [ctoken, 'no-such-quote'],
    ] as const) {
      const res = await post(token, quoteId, 'accept', goodBody());
      expect(res.status, `${quoteId}`).toBe(404);
      expect(await counts()).toEqual(before);
    }
    const other = await sentQuote({ customerId: mine.customerId });
    const beforeDecline = await counts();
    expect((await post(mine.token, other.quoteId, 'decline', {})).status).toBe(404);
    expect(await counts()).toEqual(beforeDecline);
  });

  it('a declined quote cannot be accepted (409)', async () => {
    const q = await sentQuote();
    const ctoken = await customerToken(q.customerId);
    expect((await post(q.token, q.quoteId, 'decline', {})).status).toBe(200);
    const before = await counts();
    const res = await post(ctoken, q.quoteId, 'accept', goodBody());
    expect(res.status).toBe(409);
    expect((await res.json()).error.messages.en).toBe('This quote has already been declined');
    expect(await counts()).toEqual(before);
  });

  it('an expired quote (valid-until passed in Bangkok) says so and changes nothing', async () => {
    const q = await sentQuote({ validUntil: '2026-11-26' });
    const ctoken = await customerToken(q.customerId);
    // 2026-11-26T17:30Z is 00:30 on the 27th in Bangkok: the valid-until day is over.
    m.t.clock.set('2026-11-26T17:30:00.000Z');
    try {
      const before = await counts();
      const res = await post(ctoken, q.quoteId, 'accept', goodBody());
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatchObject({
        code: 'EXPIRED',
        reason: 'expired',
        messages: { th: 'ใบเสนอราคานี้หมดอายุแล้ว', en: 'This quote has expired' },
      });
      const decline = await post(ctoken, q.quoteId, 'decline', { reason: 'late' });
      expect((await decline.json()).error.code).toBe('EXPIRED');
      expect(await counts()).toEqual(before);
      const view = await (await fetch(`${m.t.baseUrl}/api/portal/${ctoken}`)).json();
      expect(view.quotes.find((x: any) => x.id === q.quoteId)).toMatchObject({ status: 'expired', expired: true, canRespond: false });
      // The quote link itself no longer opens.
      expect((await post(q.token, q.quoteId, 'accept', goodBody())).status).toBe(410);
    } finally {
      m.t.clock.set('2026-11-25T03:00:00.000Z');
    }
  });
});

describe('decline', () => {
  it('records the reason, logs it, tells staff in LINE; a second decline is 409', async () => {
    const q = await sentQuote({ depositSatang: 200_000 });
    const res = await post(q.token, q.quoteId, 'decline', { reason: 'งบประมาณไม่พอ <ขอโทษ>' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'declined' });
    const quote = await m.t.ctx.db.quote.findUniqueOrThrow({ where: { id: q.quoteId } });
    expect(quote).toMatchObject({ status: 'declined', declineReason: 'งบประมาณไม่พอ <ขอโทษ>' });
    expect(quote.declinedAt).not.toBeNull();
    expect(await m.t.ctx.db.deposit.count({ where: { quoteId: q.quoteId } })).toBe(0);
    expect(await m.t.ctx.db.activityLog.count({ where: { action: 'decline', documentId: q.quoteId } })).toBe(1);
    const push = m.line.pushes.find((p) => p.to === staffLineId && JSON.stringify(p.messages).includes(q.number));
    expect(push, 'staff pushed in LINE').toBeDefined();
    expect(JSON.stringify(push!.messages)).toContain('งบประมาณไม่พอ');
    const ctoken = await customerToken(q.customerId);
    const before = await counts();
    expect((await post(ctoken, q.quoteId, 'decline', {})).status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('refuses a reason over 500 characters (400 reason)', async () => {
    const q = await sentQuote();
    const res = await post(q.token, q.quoteId, 'decline', { reason: 'ก'.repeat(501) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('reason');
    expect((await m.t.ctx.db.quote.findUniqueOrThrow({ where: { id: q.quoteId } })).status).toBe('sent');
  });
});

describe('scheduled expiry', () => {
  it('marks Sent quotes Expired once their Bangkok valid-until day has passed; answered quotes keep their answer; links end', async () => {
    const due = await sentQuote({ validUntil: '2026-11-27' });
    const later = await sentQuote({ validUntil: '2026-11-28' });
    const answered = await sentQuote({ validUntil: '2026-11-27' });
    expect((await post(answered.token, answered.quoteId, 'accept', goodBody())).status).toBe(200);
    const status = async (id: string) => (await m.t.ctx.db.quote.findUniqueOrThrow({ where: { id } })).status;
    try {
      // 23:59:59 on the 27th in Bangkok: still valid.
      m.t.clock.set('2026-11-27T16:59:59.000Z');
      await m.t.messaging.expireQuotesOnce();
      expect(await status(due.quoteId)).toBe('sent');
      expect((await fetch(`${m.t.baseUrl}/api/portal/${due.token}`)).status).toBe(200);
      // 00:00 on the 28th: the day is over.
      m.t.clock.set('2026-11-27T17:00:00.000Z');
      const result = await m.t.messaging.expireQuotesOnce();
      expect(result.expired).toBeGreaterThanOrEqual(1);
      expect(await status(due.quoteId)).toBe('expired');
      expect(await status(later.quoteId)).toBe('sent');
      expect(await status(answered.quoteId)).toBe('accepted');
      expect((await fetch(`${m.t.baseUrl}/api/portal/${due.token}`)).status).toBe(410);
      expect((await m.t.messaging.expireQuotesOnce()).expired).toBe(0);
    } finally {
      m.t.clock.set('2026-11-25T03:00:00.000Z');
    }
  });
});
