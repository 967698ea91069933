/**
 * A client opening the portal is recorded (access log, the customer's "last seen"), but it is not
 * an edit of the customer: it must not stamp Customer.updatedAt, which staff edits check to refuse
 * a stale write ("changed by someone else"). Stamping it made a staff edit that crossed a batch of
 * page views fail with 409 on PostgreSQL, where the two run side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;
beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
});
afterAll(() => t?.stop());

describe('a portal visit is not an edit of the customer', () => {
  it('records when the client was last seen without changing updatedAt; a staff edit after it goes through', async () => {
    const { token } = await issueLink(t, 'customer', f.customerId);
    const before = await t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } });

    const page = await fetch(`${t.baseUrl}/c/${token}`);
    expect(page.status).toBe(200);
    await t.ctx.activity.flush();

    const after = await t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } });
    expect(after.lastSeenAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());

    const edited = await t.adminOk('updateCustomer', { params: { id: f.customerId }, body: { companyName: 'ร้านเยี่ยมชม' } });
    expect(edited.companyName).toBe('ร้านเยี่ยมชม');
    const final = await t.ctx.db.customer.findUniqueOrThrow({ where: { id: f.customerId } });
    expect(final.lastSeenAt?.toISOString()).toBe(after.lastSeenAt?.toISOString());
  });
});
