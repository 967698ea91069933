import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';
import { fakeLineUserId, startFakeLineApi, type FakeLineApi } from '../../fakes/fake-line-api.ts';

let t: TestApp;
let f: PortalFixture;
let line: FakeLineApi;
const LOGIN_CHANNEL = '1650000001';

beforeAll(async () => {
  line = await startFakeLineApi({ channelAccessToken: 'unused-in-this-test', loginChannelId: LOGIN_CHANNEL });
  t = await startTestApp({
    env: { LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL, LINE_VERIFY_URL: `${line.baseUrl}/oauth2/v2.1/verify`, LIFF_ID: '1650000001-AbCdEfGh' },
  });
  f = await createPortalFixture(t);
});
afterAll(async () => {
  await t.stop();
  await line.close();
});

const bind = (token: string, idToken: string) =>
  fetch(`${t.baseUrl}/api/portal/${token}/line/bind`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-portal-channel': 'liff' },
    body: JSON.stringify({ idToken }),
  });

describe('binding a LINE account from inside LINE (verified ID token only)', () => {
  it('binds the verified LINE user to the customer of a customer link', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const userId = fakeLineUserId();
    const res = await bind(link.token, line.issueIdToken({ sub: userId, name: 'สมชาย' }));
    expect(res.status).toBe(200);
    // Never marked as following by binding: only LINE says so (follow event or profile API).
    expect(await res.json()).toEqual({ bound: true, following: false });
    const row = await t.ctx.db.lineUser.findUnique({ where: { lineUserId: userId } });
    expect(row).toMatchObject({ customerId: f.customerId, displayName: 'สมชาย', following: false, boundViaLinkId: link.id });
    const view = await (await fetch(`${t.baseUrl}/api/portal/${link.token}`)).json();
    expect(view.liff).toEqual({ liffId: '1650000001-AbCdEfGh', bound: true });
  });

  it.each([
    ['expired', () => line.issueIdToken({ sub: fakeLineUserId(), expiresInSec: -10 }), /expired/i],
    ['for another channel', () => line.issueIdToken({ sub: fakeLineUserId(), aud: '1999999999' }), /audience|channel/i],
    ['forged', () => line.issueIdToken({ sub: fakeLineUserId() }).slice(0, -4) + 'AAAA', /./],
  ])('refuses an ID token that is %s (401) and binds nothing', async (_label, make, message) => {
    const link = await issueLink(t, 'customer', f.otherCustomerId);
    const before = await t.ctx.db.lineUser.count();
    const res = await bind(link.token, make());
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(message);
    expect(await t.ctx.db.lineUser.count()).toBe(before);
  });

  it('a single-invoice link (often forwarded) does not bind; a LINE user bound elsewhere is not moved', async () => {
    const inv = await issueLink(t, 'invoice', f.invoiceId);
    const userId = fakeLineUserId();
    const r1 = await bind(inv.token, line.issueIdToken({ sub: userId }));
    expect(await r1.json()).toEqual({ bound: false, reason: 'scope' });
    expect(await t.ctx.db.lineUser.findUnique({ where: { lineUserId: userId } })).toBeNull();

    const mine = await issueLink(t, 'customer', f.customerId);
    const theirs = await issueLink(t, 'customer', f.otherCustomerId);
    await bind(mine.token, line.issueIdToken({ sub: userId }));
    const r2 = await bind(theirs.token, line.issueIdToken({ sub: userId }));
    expect(await r2.json()).toEqual({ bound: false, reason: 'bound_elsewhere' });
    expect((await t.ctx.db.lineUser.findUnique({ where: { lineUserId: userId } }))?.customerId).toBe(f.customerId);
  });

  it('never trusts a user id sent by the browser', async () => {
    const link = await issueLink(t, 'customer', f.customerId);
    const res = await fetch(`${t.baseUrl}/api/portal/${link.token}/line/bind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: fakeLineUserId() }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('idToken');
  });
});
