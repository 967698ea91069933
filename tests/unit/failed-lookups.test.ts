import { describe, it, expect } from 'vitest';
import type { Request } from 'express';
import { FailedLookups } from '../../server/http/portal/rate-limits.ts';
import { ManualClock } from '../../server/services/ports.ts';

const from = (ip: string) => ({ ip }) as Request;

describe('FailedLookups', () => {
  it('limits an address after the limit, for the rest of its window only', () => {
    const clock = new ManualClock('2026-11-25T03:00:00Z');
    const failures = new FailedLookups(clock, 3, 60_000);
    expect([1, 2, 3].map(() => failures.fail(from('198.51.100.1')))).toEqual([null, null, null]);
    clock.advance(15_000);
    expect(failures.fail(from('198.51.100.1'))).toBe(45);
    expect(failures.fail(from('198.51.100.2'))).toBeNull();
    clock.advance(45_000);
    expect(failures.fail(from('198.51.100.1'))).toBeNull();
  });

  it('counts an IPv6 /56 as one address (one customer network), like express-rate-limit', () => {
    const failures = new FailedLookups(new ManualClock('2026-11-25T03:00:00Z'), 1, 60_000);
    expect(failures.fail(from('2001:db8:0:1::1'))).toBeNull();
    expect(failures.fail(from('2001:db8:0:2::9'))).not.toBeNull();
    expect(failures.fail(from('2001:db8:1:1::1'))).toBeNull();
  });
});
