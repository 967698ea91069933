/**
 * LINE accounts the business controls (issue 9 §3): the client is asked first (status, then
 * bind), staff are never bound, at most 3 accounts per customer, the customer's other channel is
 * told (real SMTP / fake Twilio), "following" only from LINE, the earliest-bound follower keeps
 * the LINE channel, and staff list and unbind through the admin API.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startMessagingFixture, type MessagingFixture } from '../messaging/messaging-fixture.ts';
import { fakeLineUserId } from '../../fakes/fake-line-api.ts';
import { issuePortalLink } from '../../../server/services/links.ts';
import { recordFollowState } from '../../../server/services/line-users.ts';

let f: MessagingFixture;

beforeAll(async () => {
  f = await startMessagingFixture();
});
afterAll(() => f.stop());

async function customerLink(customerId: string) {
  return issuePortalLink(f.t.ctx, { scope: 'customer', id: customerId, createdBy: 'test' });
}

/** Delivers everything queued and returns the mail that went to `address`. */
async function mailTo(address: string) {
  const before = f.smtp.mails.length;
  const queued = await f.t.ctx.db.outboxMessage.count({ where: { channel: 'email', status: { in: ['queued', 'failed'] } } });
  await f.t.messaging.drainOnce();
  const mails = (await f.smtp.waitForMails(before + queued)).slice(before);
  const mail = mails.find((m) => m.to.includes(address));
  if (!mail) throw new Error(`no mail to ${address}`);
  return mail;
}

async function post(token: string, what: 'status' | 'bind', lineUserId: string, name?: string) {
  const idToken = f.line.issueIdToken({ sub: lineUserId, ...(name ? { name } : {}) });
  const res = await fetch(`${f.t.baseUrl}/api/portal/${token}/line/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-portal-channel': 'liff' },
    body: JSON.stringify({ idToken }),
  });
  return { status: res.status, body: await res.json() };
}

describe('binding asks first, and only what the business allows binds', () => {
  it('status answers can_bind without binding; bind binds and records the link; status then answers bound', async () => {
    const customerId = await f.customer({ email: 'ask@example.com' });
    const link = await customerLink(customerId);
    const user = fakeLineUserId();
    expect(await post(link.token, 'status', user)).toEqual({ status: 200, body: { state: 'can_bind' } });
    expect(await f.t.ctx.db.lineUser.findUnique({ where: { lineUserId: user } })).toBeNull();
    expect(await post(link.token, 'bind', user, 'Ann')).toEqual({ status: 200, body: { bound: true, following: false } });
    expect(await f.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: user } })).toMatchObject({
      customerId,
      boundViaLinkId: link.id,
      displayName: 'Ann',
    });
    expect((await post(link.token, 'status', user)).body).toEqual({ state: 'bound', following: false });
    // A second yes (another device, a reload) binds nothing new and tells nobody twice.
    const notices = await f.t.ctx.db.outboxMessage.count({ where: { customerId, kind: 'line_connected' } });
    expect((await post(link.token, 'bind', user)).body).toEqual({ bound: true, following: false });
    expect(await f.t.ctx.db.outboxMessage.count({ where: { customerId, kind: 'line_connected' } })).toBe(notices);
  });

  it("never binds an enrolled, active staff member (they open the bot's link cards); a removed one can be", async () => {
    const customerId = await f.customer({ email: 'staff-case@example.com' });
    const link = await customerLink(customerId);
    const staffUser = fakeLineUserId();
    const staff = await f.t.ctx.db.staff.create({ data: { lineUserId: staffUser, role: 'owner' } });
    expect((await post(link.token, 'status', staffUser)).body).toEqual({ state: 'refused', reason: 'staff' });
    expect((await post(link.token, 'bind', staffUser)).body).toEqual({ bound: false, reason: 'staff' });
    expect(await f.t.ctx.db.lineUser.findUnique({ where: { lineUserId: staffUser } })).toBeNull();
    expect(await f.t.ctx.db.outboxMessage.count({ where: { customerId } })).toBe(0);
    await f.t.ctx.db.staff.update({ where: { id: staff.id }, data: { active: false, removedAt: f.t.clock.now() } });
    expect((await post(link.token, 'bind', staffUser)).body).toMatchObject({ bound: true });
  });

  it('allows at most 3 accounts per customer; the 4th is refused (limit) until staff unbind one', async () => {
    const customerId = await f.customer({ email: 'four@example.com' });
    const link = await customerLink(customerId);
    const users = [fakeLineUserId(), fakeLineUserId(), fakeLineUserId(), fakeLineUserId()];
    for (const user of users.slice(0, 3)) expect((await post(link.token, 'bind', user)).body).toMatchObject({ bound: true });
    expect((await post(link.token, 'status', users[3]!)).body).toEqual({ state: 'refused', reason: 'limit' });
    expect((await post(link.token, 'bind', users[3]!)).body).toEqual({ bound: false, reason: 'limit' });
    expect(await f.t.ctx.db.lineUser.count({ where: { customerId } })).toBe(3);
    expect(await f.t.ctx.db.outboxMessage.count({ where: { customerId, kind: 'line_connected' } })).toBe(3);

    const removed = await f.t.admin('DELETE', `/customers/${customerId}/line-accounts/${users[1]}`);
    expect(removed).toEqual({ status: 200, body: { customerId, lineUserId: users[1], unbound: true } });
    expect((await post(link.token, 'bind', users[3]!)).body).toMatchObject({ bound: true });
  });

  it('a single-invoice link still never binds, and a bound account is not moved to another customer', async () => {
    const a = await f.customer({ email: 'a@example.com' });
    const b = await f.customer({ email: 'b@example.com' });
    const user = fakeLineUserId();
    expect((await post((await customerLink(a)).token, 'bind', user)).body).toMatchObject({ bound: true });
    expect((await post((await customerLink(b)).token, 'status', user)).body).toEqual({ state: 'refused', reason: 'bound_elsewhere' });
    expect((await post((await customerLink(b)).token, 'bind', user)).body).toEqual({ bound: false, reason: 'bound_elsewhere' });
  });
});

describe("the customer's other channel is told when a LINE account is connected", () => {
  it("by email (real SMTP), in the customer's language: which LINE name, when, and how to report it", async () => {
    const customerId = await f.customer({ name: 'Khun Ann', email: 'ann@example.com', phone: '0812345678', language: 'en' });
    const link = await customerLink(customerId);
    f.t.clock.set('2026-11-25T07:05:00.000Z');
    expect((await post(link.token, 'bind', fakeLineUserId(), 'Ann on LINE')).body).toMatchObject({ bound: true });
    const row = await f.t.ctx.db.outboxMessage.findFirstOrThrow({ where: { customerId, kind: 'line_connected' } });
    expect(row).toMatchObject({ channel: 'email', recipient: 'ann@example.com' });
    const mail = await mailTo('ann@example.com');
    expect(mail.parsed.subject).toBe('Test Co., Ltd.: a LINE account was connected to your client account');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('The LINE account "Ann on LINE" was connected');
    expect(text).toContain('Connected: 25 Nov 2026, 14:05');
    expect(text).toContain("If this wasn't you, tell Test Co., Ltd. straight away (call 021234567 or LINE @testshop)");
    expect(text).not.toMatch(/\/c\/[A-Za-z0-9_-]{20,}/); // no portal link in a security notice
    expect(mail.parsed.html).toContain('href="https://line.me/R/ti/p/%40testshop"');
  });

  it('in Thai for a Thai customer; by SMS when there is no email; never by LINE even to a following account', async () => {
    const customerId = await f.customer({ name: 'คุณบี', email: null, phone: '0898765432', language: 'th' });
    const first = await f.bindLine(customerId); // an earlier, following LINE account
    expect(first).toMatch(/^U/);
    f.t.clock.set('2026-11-25T12:30:00.000Z');
    const link = await customerLink(customerId);
    expect((await post(link.token, 'bind', fakeLineUserId(), 'บี')).body).toMatchObject({ bound: true });
    const row = await f.t.ctx.db.outboxMessage.findFirstOrThrow({ where: { customerId, kind: 'line_connected' } });
    expect(row).toMatchObject({ channel: 'sms', recipient: '+66898765432' });
    const before = f.twilio.messages.length;
    await f.t.messaging.drainOnce();
    const sms = f.twilio.messages[before]!;
    expect(sms.to).toBe('+66898765432');
    expect(sms.body).toContain('บัญชี LINE "บี" เชื่อมกับข้อมูลของคุณ 25 พ.ย. 2569 19:30 น. หากไม่ใช่คุณ ติดต่อ 021234567');
  });

  it('still goes out after staff revoke every link (the notice needs no link)', async () => {
    const customerId = await f.customer({ email: 'revoked@example.com', language: 'en' });
    const link = await customerLink(customerId);
    await post(link.token, 'bind', fakeLineUserId(), 'Someone');
    expect((await f.t.admin('POST', `/customers/${customerId}/revoke-links`)).status).toBe(200);
    expect((await mailTo('revoked@example.com')).parsed.subject).toMatch(/a LINE account was connected/);
    const row = await f.t.ctx.db.outboxMessage.findFirstOrThrow({ where: { customerId, kind: 'line_connected' } });
    expect(row.status).toBe('sent');
  });
});

describe('following comes only from LINE, and a later binding never takes the LINE channel over', () => {
  it('a bound account that does not follow gets nothing by LINE: the client gets email', async () => {
    const customerId = await f.customer({ email: 'nofollow@example.com' });
    const link = await customerLink(customerId);
    const user = fakeLineUserId();
    expect((await post(link.token, 'bind', user)).body).toEqual({ bound: true, following: false });
    const sent = await f.t.admin('POST', `/customers/${customerId}/send-link`, {});
    expect(sent.body).toMatchObject({ channel: 'email', recipient: 'nofollow@example.com' });
  });

  it("LINE's profile API (friends only) sets following at binding; a later follow event also does", async () => {
    const customerId = await f.customer({ email: 'friend@example.com' });
    const link = await customerLink(customerId);
    const friend = fakeLineUserId();
    f.line.setProfile(friend, { displayName: 'Friend' });
    expect((await post(link.token, 'bind', friend)).body).toEqual({ bound: true, following: true });
    const later = fakeLineUserId();
    expect((await post(link.token, 'bind', later)).body).toEqual({ bound: true, following: false });
    await recordFollowState(f.t.ctx, { lineUserId: later, following: true, at: new Date(f.t.clock.now().getTime() + 1000) });
    expect(await f.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: later } })).toMatchObject({ following: true });
  });

  it("a bound client opening the portal in LINE has their follow state refreshed from LINE's profile", async () => {
    const customerId = await f.customer({ email: 'refresh@example.com' });
    const link = await customerLink(customerId);
    const user = fakeLineUserId();
    expect((await post(link.token, 'bind', user)).body).toEqual({ bound: true, following: false });
    f.line.setProfile(user, { displayName: 'Now a friend' });
    expect((await post(link.token, 'status', user)).body).toEqual({ state: 'bound', following: true });
    expect(await f.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: user } })).toMatchObject({ following: true });
    f.line.setProfile(user, null);
    expect((await post(link.token, 'status', user)).body).toEqual({ state: 'bound', following: false });
  });

  it('the earliest-bound account that follows receives LINE messages; a later binding does not take over', async () => {
    const customerId = await f.customer({ email: 'order@example.com' });
    const link = await customerLink(customerId);
    const first = fakeLineUserId();
    const second = fakeLineUserId();
    f.line.setProfile(first, { displayName: 'First' });
    f.line.setProfile(second, { displayName: 'Second' });
    await post(link.token, 'bind', first);
    f.t.clock.advance(60_000);
    await post(link.token, 'bind', second);
    f.t.clock.advance(60_000);
    expect((await f.t.admin('POST', `/customers/${customerId}/send-link`, {})).body).toMatchObject({ channel: 'line', recipient: first });
    // The first one leaves the OA: the next following account takes over, not email.
    await recordFollowState(f.t.ctx, { lineUserId: first, following: false, at: new Date(f.t.clock.now().getTime() + 1000) });
    f.t.clock.advance(60_000);
    expect((await f.t.admin('POST', `/customers/${customerId}/send-link`, {})).body).toMatchObject({ channel: 'line', recipient: second });
  });
});

describe('staff list and unbind through the admin API', () => {
  it('GET line-accounts lists name, bound when, via which link, following; oldest first', async () => {
    const customerId = await f.customer({ email: 'list@example.com' });
    const link = await customerLink(customerId);
    const a = fakeLineUserId();
    const b = fakeLineUserId();
    f.line.setProfile(b, { displayName: 'B' });
    f.t.clock.set('2026-11-26T01:00:00.000Z');
    await post(link.token, 'bind', a, 'Account A');
    f.t.clock.set('2026-11-26T02:00:00.000Z');
    await post(link.token, 'bind', b, 'Account B');
    const res = await f.t.admin('GET', `/customers/${customerId}/line-accounts`);
    expect(res).toEqual({
      status: 200,
      body: [
        { lineUserId: a, displayName: 'Account A', boundAt: '2026-11-26T01:00:00.000Z', boundViaLinkId: link.id, following: false },
        { lineUserId: b, displayName: 'Account B', boundAt: '2026-11-26T02:00:00.000Z', boundViaLinkId: link.id, following: true },
      ],
    });
    expect((await f.t.admin('GET', '/customers/nope/line-accounts')).status).toBe(404);
  });

  it('DELETE unbinds (the row no longer points at the customer); 404 when not bound to that customer; 400 for a bad id', async () => {
    const customerId = await f.customer({ email: 'del@example.com' });
    const other = await f.customer({ email: 'del-other@example.com' });
    const user = fakeLineUserId();
    await post((await customerLink(customerId)).token, 'bind', user);
    expect((await f.t.admin('DELETE', `/customers/${other}/line-accounts/${user}`)).status).toBe(404);
    expect((await f.t.admin('DELETE', `/customers/${customerId}/line-accounts/${user}`)).status).toBe(200);
    expect(await f.t.ctx.db.lineUser.findUniqueOrThrow({ where: { lineUserId: user } })).toMatchObject({
      customerId: null,
      boundAt: null,
      boundViaLinkId: null,
    });
    expect((await f.t.admin('DELETE', `/customers/${customerId}/line-accounts/${user}`)).status).toBe(404);
    const bad = await f.t.admin('DELETE', `/customers/${customerId}/line-accounts/not-a-line-id`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('lineUserId');
  });

  it('revoke-links keeps bindings by default; { unbindLine: true } also unbinds every account; a bad body changes nothing', async () => {
    const customerId = await f.customer({ email: 'rev@example.com' });
    const users = [fakeLineUserId(), fakeLineUserId()];
    for (const user of users) await post((await customerLink(customerId)).token, 'bind', user);
    const bad = await f.t.admin('POST', `/customers/${customerId}/revoke-links`, { unbindLine: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('unbindLine');
    expect(await f.t.ctx.db.portalLink.count({ where: { customerId, revokedAt: { not: null } } })).toBe(0);
    const plain = await f.t.admin('POST', `/customers/${customerId}/revoke-links`);
    expect(plain.body).toMatchObject({ revoked: 1, unboundLineAccounts: 0 });
    expect(await f.t.ctx.db.lineUser.count({ where: { customerId } })).toBe(2);
    const both = await f.t.admin('POST', `/customers/${customerId}/revoke-links`, { unbindLine: true });
    expect(both).toEqual({ status: 200, body: { customerId, revoked: 0, unboundLineAccounts: 2 } });
    expect(await f.t.ctx.db.lineUser.count({ where: { customerId } })).toBe(0);
  });
});
