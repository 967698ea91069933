import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { allText, fakeLineUserId, press, say, startBotHarness, type BotHarness } from './bot-harness.ts';
import { createStaffInvitation, INVITATION_TTL_MS } from '../../../server/services/staff-enrolment.ts';
import { createCustomer } from '../../../server/services/customers.ts';
import { createJob } from '../../../server/services/jobs.ts';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h.stop());

describe('staff invitations (admin API)', () => {
  it('issues a 24 h code, owner while there is no owner, and stores only its hash', async () => {
    const res = await h.t.admin('POST', '/staff/invitations', {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'owner', code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
    expect(new Date(res.body.expiresAt).getTime() - h.t.clock.now().getTime()).toBe(INVITATION_TTL_MS);
    expect(res.body.instructions.en).toContain(`enrol ${res.body.code}`);
    const rows = await h.t.ctx.db.staffInvitation.findMany();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(res.body.code);
    expect(dump).not.toContain(res.body.code.replace('-', ''));
  });

  it('refuses an unknown role with a 400 naming the field', async () => {
    const res = await h.t.admin('POST', '/staff/invitations', { role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('role');
  });

  it('needs the admin key', async () => {
    const res = await fetch(`${h.t.baseUrl}/api/admin/staff/invitations`, { method: 'POST' });
    expect(res.status).toBe(401);
  });
});

describe('enrolling through the bot', () => {
  it('registers the LINE user with the invitation role; the code works once', async () => {
    const invite = await h.t.admin('POST', '/staff/invitations', { role: 'owner' });
    const owner = fakeLineUserId();
    h.line.setProfile(owner, { displayName: 'Khun Owner' });
    expect(allText(await say(h, owner, `ลงทะเบียน ${invite.body.code.toLowerCase().replace('-', ' ')}`))).toMatch(/เจ้าของร้าน/);
    const staff = await h.t.admin('GET', '/staff');
    expect(staff.body.staff).toEqual([expect.objectContaining({ lineUserId: owner, role: 'owner', displayName: 'Khun Owner', active: true })]);

    const someoneElse = fakeLineUserId();
    expect(allText(await say(h, someoneElse, `enrol ${invite.body.code}`))).toMatch(/not valid, already used or expired/);
    expect(await h.t.ctx.db.staff.count({ where: { lineUserId: someoneElse } })).toBe(0);
  });

  it('an expired code does not work (24 h, by the injected clock)', async () => {
    const invitation = await createStaffInvitation(h.t.ctx, { role: 'staff' });
    h.t.clock.advance(INVITATION_TTL_MS);
    const user = fakeLineUserId();
    expect(allText(await say(h, user, `enrol ${invitation.code}`))).toMatch(/not valid/);
    expect(await h.t.ctx.db.staff.count({ where: { lineUserId: user } })).toBe(0);

    const fresh = await createStaffInvitation(h.t.ctx, { role: 'staff' });
    h.t.clock.advance(INVITATION_TTL_MS - 1);
    expect(allText(await say(h, user, `enrol ${fresh.code}`))).toMatch(/enrolled as staff/);
  });

  it('an already enrolled staff member does not use up a code', async () => {
    const user = fakeLineUserId();
    const first = await createStaffInvitation(h.t.ctx, { role: 'staff' });
    await say(h, user, `enrol ${first.code}`);
    const second = await createStaffInvitation(h.t.ctx, { role: 'staff' });
    expect(allText(await say(h, user, `enrol ${second.code}`))).toMatch(/already enrolled/);
    const other = fakeLineUserId();
    expect(allText(await say(h, other, `enrol ${second.code}`))).toMatch(/enrolled as staff/);
  });

  it('two people racing with one code: exactly one gets in', async () => {
    const invitation = await createStaffInvitation(h.t.ctx, { role: 'staff' });
    const [a, b] = [fakeLineUserId(), fakeLineUserId()];
    const [ra, rb] = await Promise.all([say(h, a, `enrol ${invitation.code}`), say(h, b, `enrol ${invitation.code}`)]);
    const wins = [ra, rb].filter((r) => /enrolled as staff/.test(allText(r)));
    expect(wins).toHaveLength(1);
    expect(await h.t.ctx.db.staff.count({ where: { lineUserId: { in: [a, b] } } })).toBe(1);
  });

  it('npm run staff:invite prints a code that enrols', async () => {
    // The script runs on the real clock.
    h.t.clock.set(new Date());
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/staff-invite.ts', '--role', 'staff'], {
      env: { ...process.env, DATA_DIR: h.t.dataDir, NODE_ENV: 'test', DATABASE_URL: h.t.ctx.config.databaseUrl },
    });
    const code = /enrol ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(stdout)?.[1];
    expect(code).toBeDefined();
    expect(allText(await say(h, fakeLineUserId(), `enrol ${code}`))).toMatch(/enrolled as staff/);
  });
});

describe('removing staff', () => {
  it('takes effect at once: commands and old buttons get no staff answer', async () => {
    const customer = await createCustomer(h.t.ctx, { name: 'คุณลบ ทดสอบ' });
    const job = await createJob(h.t.ctx, { customerId: customer.id, title: 'ติดตั้งเวที' });
    const user = fakeLineUserId();
    const invitation = await createStaffInvitation(h.t.ctx, { role: 'staff' });
    await say(h, user, `enrol ${invitation.code}`);
    const chooser = await say(h, user, `stage ${job.number}`);
    expect(allText(chooser)).toContain(job.number);
    const button = (chooser[0] as { quickReply: { items: { action: { data: string } }[] } }).quickReply.items[0]!.action.data;

    const staff = await h.t.ctx.db.staff.findUniqueOrThrow({ where: { lineUserId: user } });
    expect((await h.t.admin('DELETE', `/staff/${staff.id}`)).status).toBe(200);
    expect((await h.t.admin('GET', '/staff')).body.staff.map((s: { id: string }) => s.id)).not.toContain(staff.id);

    const afterCommand = await say(h, user, `stage ${job.number}`);
    expect(allText(afterCommand)).not.toContain(job.number);
    expect(allText(afterCommand)).toMatch(/open it in the LINE app/);
    const afterButton = await press(h, user, button);
    expect(allText(afterButton)).not.toContain(job.number);
    expect((await h.t.ctx.db.job.findUniqueOrThrow({ where: { id: job.id } })).stage).toBe('new');
  });

  it('404 for an unknown staff id', async () => {
    expect((await h.t.admin('DELETE', '/staff/nope')).status).toBe(404);
  });
});
