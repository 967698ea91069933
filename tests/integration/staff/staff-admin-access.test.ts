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

describe('roles: only the owner manages staff, the business profile and voids', () => {
  it('staff get 403 (owner_only, Thai and English) for each owner-only operation, and nothing changes', async () => {
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณบี' } });
    const invoice = await app.t.adminOk('createInvoice', {
      body: { customerId: customer.id, lines: [{ description: 'งาน', quantity: 1, unitPriceSatang: 100_00 }], dueDate: '2026-12-31' },
    });
    const before = { staff: await app.t.ctx.db.staff.count({ where: { active: true } }), invitations: await app.t.ctx.db.staffInvitation.count() };
    const refusals = [
      await staff.api.adminOp('createStaffInvitation', { body: { role: 'staff' } }),
      await staff.api.adminOp('removeStaff', { params: { id: staff.staffId } }),
      await staff.api.adminOp('saveBusiness', { body: { ...(await app.t.adminOk('getBusiness')), name: 'ร้านใหม่' } as never }),
      await staff.api.adminOp('voidInvoice', { params: { id: invoice.id }, body: { reason: 'ลองดู' } }),
      await staff.api.adminOp('voidPayment', { params: { id: 'any' }, body: { reason: 'ลองดู' } }),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(403);
      if (r.ok) throw new Error('expected a refusal');
      expect(r.body.error.code).toBe('FORBIDDEN');
      expect(r.body.error.messages).toEqual({
        th: 'เฉพาะเจ้าของร้านเท่านั้นที่ทำรายการนี้ได้ (จัดการพนักงาน ข้อมูลร้าน และการยกเลิกเอกสาร)',
        en: 'Only the owner can do this (managing staff, the business profile and voids)',
      });
    }
    expect(await app.t.ctx.db.staff.count({ where: { active: true } })).toBe(before.staff);
    expect(await app.t.ctx.db.staffInvitation.count()).toBe(before.invitations);
    expect((await app.t.adminOk('getBusiness')).name).not.toBe('ร้านใหม่');
    expect((await app.t.ctx.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).not.toBe('void');
  });

  it('the owner (session) may: invite staff, void an invoice; the bearer key acts as the owner', async () => {
    const { signInNewStaff } = await import('../../helpers/staff-app.ts');
    const owner = await signInNewStaff(app, 'owner');
    const invitation = await owner.api.adminOk('createStaffInvitation', { body: { role: 'staff' } });
    expect(invitation.role).toBe('staff');
    expect((await app.t.ctx.db.staffInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).createdBy).toBe(`staff-app:${owner.staffId}`);
    const customer = await app.t.adminOk('createCustomer', { body: { name: 'คุณซี' } });
    const invoice = await owner.api.adminOk('createInvoice', {
      body: { customerId: customer.id, lines: [{ description: 'งาน', quantity: 1, unitPriceSatang: 100_00 }], dueDate: '2026-12-31' },
    });
    expect((await owner.api.adminOk('voidInvoice', { params: { id: invoice.id }, body: { reason: 'ออกผิด' } })).status).toBe('void');
    expect((await app.t.adminOp('createStaffInvitation', { body: { role: 'staff' } })).status).toBe(201);
  });

  it('records who did it: a stage move by a staff session names that staff member', async () => {
    const customer = await staff.api.adminOk('createCustomer', { body: { name: 'คุณดี' } });
    const job = await staff.api.adminOk('createJob', { body: { customerId: customer.id, title: 'ติดตั้งแอร์' } });
    await staff.api.adminOk('moveJobStage', { params: { id: job.id }, body: { stage: 'picking', note: 'นัดแล้ว' } });
    const history = await app.t.ctx.db.jobStageChange.findMany({ where: { jobId: job.id, stage: 'picking' } });
    expect(history.map((h) => h.changedBy)).toEqual([`staff-app:${staff.staffId}`]);
  });
});
