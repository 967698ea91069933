import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { signInNewStaff, startStaffTestApp, type SignedInStaffMember, type StaffTestApp } from '../../helpers/staff-app.ts';

let app: StaffTestApp;
let staff: SignedInStaffMember;

beforeAll(async () => {
  app = await startStaffTestApp();
  staff = await signInNewStaff(app, 'staff');
});
afterAll(() => app.stop());

const raw = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${app.t.baseUrl}/api/admin${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });

describe('the admin API with a staff session cookie', () => {
  it('reads and writes as that staff member', async () => {
    const created = await staff.api.adminOk('createCustomer', { body: { name: 'คุณวิภา' } });
    const read = await staff.api.adminOk('getCustomer', { params: { id: created.id } });
    expect(read.name).toBe('คุณวิภา');
  });

  it('refuses a write without X-Staff-App: 1 (CSRF guard, 403 naming the header) and changes nothing', async () => {
    const before = await app.t.ctx.db.customer.count();
    const res = await raw('POST', '/customers', { cookie: staff.cookie }, { name: 'ผ่านฟอร์มปลอม' });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'FORBIDDEN', field: 'X-Staff-App' });
    expect(await app.t.ctx.db.customer.count()).toBe(before);
  });

  it('refuses a write from another Origin even with the header (403)', async () => {
    const before = await app.t.ctx.db.customer.count();
    const res = await raw('POST', '/customers', { cookie: staff.cookie, 'x-staff-app': '1', origin: 'https://evil.example' }, { name: 'x' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.field).toBe('Origin');
    expect(await app.t.ctx.db.customer.count()).toBe(before);
  });

  it('accepts a write from its own Origin (the public URL)', async () => {
    const res = await raw('POST', '/customers', { cookie: staff.cookie, 'x-staff-app': '1', origin: 'https://portal.example.test' }, { name: 'คุณเอ' });
    expect(res.status).toBe(201);
  });

  it('reads (GET) need no CSRF header', async () => {
    const res = await raw('GET', '/staff', { cookie: staff.cookie });
    expect(res.status).toBe(200);
  });

  it('an unknown or ended session is 401, like no credentials at all', async () => {
    expect((await raw('GET', '/staff', { cookie: 'staff_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(401);
    expect((await raw('GET', '/staff', {})).status).toBe(401);
  });

  it('a wrong bearer key is 401 even next to a valid cookie (the key, when sent, decides)', async () => {
    expect((await raw('GET', '/staff', { cookie: staff.cookie, authorization: 'Bearer wrong' })).status).toBe(401);
  });
});
