import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createPortalFixture, issueLink, type PortalFixture } from '../../helpers/portal-fixtures.ts';

let t: TestApp;
let f: PortalFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  f = await createPortalFixture(t);
});
afterAll(() => t.stop());

const recover = (token: string) =>
  fetch(`${t.baseUrl}/api/portal/recover`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

const linkMessages = (customerId: string) => t.ctx.db.outboxMessage.findMany({ where: { customerId, kind: 'portal_link' } });

describe('"send me a new link"', () => {
  it('sends a fresh customer link to the contact on file for an expired link, and answers the same for an unknown one', async () => {
    const old = await issueLink(t, 'customer', f.otherCustomerId);
    const start = t.clock.now();
    t.clock.advance(31 * DAY);
    try {
      expect((await fetch(`${t.baseUrl}/api/portal/${old.token}`)).status).toBe(410);
      const before = (await linkMessages(f.otherCustomerId)).length;
      const known = await recover(old.token);
      const unknown = await recover('Z'.repeat(32));
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(await known.text()).toBe(await unknown.text());
      await expect.poll(async () => (await linkMessages(f.otherCustomerId)).length, { timeout: 2000 }).toBe(before + 1);
      const message = (await linkMessages(f.otherCustomerId)).at(-1)!;
      expect(message.channel).toBe('email');
      expect(message.recipient).toBe('wipa@example.com');
      // The message never holds the token in plaintext; the new link is a different, working one.
      expect(message.payload).not.toContain(old.token);
      const fresh = await t.ctx.db.portalLink.findFirst({ where: { customerId: f.otherCustomerId, scope: 'customer', createdBy: 'client:recover' } });
      expect(fresh).not.toBeNull();
      expect(fresh!.expiresAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    } finally {
      t.clock.set(start);
    }
  });

  it('is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await recover('Y'.repeat(32))).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
