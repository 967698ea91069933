import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { fakeLineUserId } from '../../fakes/fake-line-api.ts';
import { enrolNewStaff, postSession, sessionTokenFrom, signInAs, startStaffTestApp, type StaffTestApp } from '../../helpers/staff-app.ts';

let app: StaffTestApp;

beforeAll(async () => {
  app = await startStaffTestApp();
});
afterAll(() => app.stop());

const me = (cookie?: string) => fetch(`${app.t.baseUrl}/api/staff/me`, { headers: cookie ? { cookie } : {} });

describe('POST /api/staff/session (LIFF ID token → staff session)', () => {
  it('signs in active staff: 200 with who they are, an httpOnly SameSite=Strict cookie, only its hash stored', async () => {
    const owner = await enrolNewStaff(app, 'owner', 'สมชาย เจ้าของ');
    const res = await postSession(app, app.line.issueIdToken({ sub: owner.lineUserId, name: 'สมชาย เจ้าของ' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      staff: { id: owner.staffId, displayName: 'สมชาย เจ้าของ', role: 'owner' },
      expiresAt: new Date(app.t.clock.now().getTime() + 12 * 3600_000).toISOString(),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^staff_session=[A-Za-z0-9_-]{40,}; Path=\/api; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const token = sessionTokenFrom(res);
    const rows = await app.t.ctx.db.staffSession.findMany({ where: { staffId: owner.staffId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);

    const who = await me(`staff_session=${token}`);
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual(body);
  });

  it('marks the cookie Secure when the request came over https (through a trusted proxy)', async () => {
    const other = await startStaffTestApp({ env: { TRUST_PROXY: 'loopback' } });
    try {
      const staff = await enrolNewStaff(other, 'staff');
      const res = await postSession(other, other.line.issueIdToken({ sub: staff.lineUserId }), { 'x-forwarded-proto': 'https' });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      await other.stop();
    }
  });

  it.each([
    ['forged', () => `${app.line.issueIdToken({ sub: fakeLineUserId() }).slice(0, -4)}AAAA`],
    ['expired', () => app.line.issueIdToken({ sub: fakeLineUserId(), expiresInSec: -10 })],
    ['for another channel', () => app.line.issueIdToken({ sub: fakeLineUserId(), aud: '1999999999' })],
  ])('refuses an ID token that is %s (401) and opens no session', async (_label, make) => {
    const before = await app.t.ctx.db.staffSession.count();
    const res = await postSession(app, make());
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: 'UNAUTHORIZED', field: 'idToken' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await app.t.ctx.db.staffSession.count()).toBe(before);
  });

  it('refuses a genuine LINE user who is not staff (403, Thai and English) and opens no session', async () => {
    const before = await app.t.ctx.db.staffSession.count();
    const res = await postSession(app, app.line.issueIdToken({ sub: fakeLineUserId() }));
    expect(res.status).toBe(403);
    const { error } = await res.json();
    expect(error.code).toBe('FORBIDDEN');
    expect(error.messages).toEqual({ th: 'บัญชี LINE นี้ไม่ใช่พนักงานของร้าน', en: 'This LINE account is not staff of this business' });
    expect(await app.t.ctx.db.staffSession.count()).toBe(before);
  });

  it('asks for the idToken by name (400) when it is missing', async () => {
    const res = await fetch(`${app.t.baseUrl}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('idToken');
  });

  it('refuses a sign-in posted from another site (Origin) with 403', async () => {
    const staff = await enrolNewStaff(app, 'staff');
    const res = await postSession(app, app.line.issueIdToken({ sub: staff.lineUserId }), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.field).toBe('Origin');
  });
});

describe('the session ends', () => {
  it('at sign-out: DELETE /api/staff/session clears the cookie and the token stops working', async () => {
    const s = await signInAs(app, await enrolNewStaff(app, 'staff'));
    const out = await fetch(`${app.t.baseUrl}/api/staff/session`, { method: 'DELETE', headers: { cookie: s.cookie, 'x-staff-app': '1' } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^staff_session=; Path=\/api; Max-Age=0; HttpOnly; SameSite=Strict$/);
    expect((await me(s.cookie)).status).toBe(401);
  });

  it('after 12 hours', async () => {
    const s = await signInAs(app, await enrolNewStaff(app, 'staff'));
    app.t.clock.advance(12 * 3600_000 - 1000);
    expect((await me(s.cookie)).status).toBe(200);
    app.t.clock.advance(1000);
    expect((await me(s.cookie)).status).toBe(401);
  });

  it('when the staff member is removed (403 at the next sign-in); enrolling again does not revive the old session', async () => {
    const who = await enrolNewStaff(app, 'staff');
    const s = await signInAs(app, who);
    await app.t.adminOk('removeStaff', { params: { id: who.staffId } });
    expect((await me(s.cookie)).status).toBe(401);
    const again = await postSession(app, app.line.issueIdToken({ sub: who.lineUserId }));
    expect(again.status).toBe(403);
    const { createStaffInvitation, enrolStaff } = await import('../../../server/services/staff-enrolment.ts');
    const invitation = await createStaffInvitation(app.t.ctx, { role: 'staff' });
    expect((await enrolStaff(app.t.ctx, { code: invitation.code, lineUserId: who.lineUserId })).status).toBe('enrolled');
    expect((await me(s.cookie)).status).toBe(401);
  });

  it('GET /api/staff/me without a cookie or with a made-up one is 401', async () => {
    expect((await me()).status).toBe(401);
    expect((await me('staff_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
  });
});

describe('sign-in flood', () => {
  it('answers 429 after 30 sign-ins a minute from one address, before asking LINE', async () => {
    const flood = await startStaffTestApp();
    try {
      const forged = `${flood.line.issueIdToken({ sub: fakeLineUserId() }).slice(0, -4)}AAAA`;
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await postSession(flood, forged)).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
      expect(flood.line.counts.verifyAttempts).toBe(30);
    } finally {
      await flood.stop();
    }
  });
});
