import { describe, expect, it } from 'vitest';
import { smsNumber } from '../../../server/messaging/phone.ts';
import { retryDelayMs } from '../../../server/messaging/retry-policy.ts';

describe('smsNumber', () => {
  it.each([
    ['0812345678', '+66812345678'],
    ['081-234-5678', '+66812345678'],
    ['081 234 5678', '+66812345678'],
    ['๐๘๑๒๓๔๕๖๗๘', '+66812345678'],
    ['+66 81 234 5678', '+66812345678'],
    ['66812345678', '+66812345678'],
    ['0612345678', '+66612345678'],
    ['0912345678', '+66912345678'],
    ['(081) 234-5678', '+66812345678'],
    ['+1 415 555 2671', '+14155552671'],
    ['+447700900123', '+447700900123'],
  ])('%s → %s', (input, expected) => {
    expect(smsNumber(input)).toBe(expected);
  });

  it.each([['021234567'], ['02 123 4567'], ['+6621234567'], ['12345'], ['abc'], [''], [null], [undefined], ['+0812345678']])('%s cannot take SMS', (input) => {
    expect(smsNumber(input as string | null)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  const policy = { baseMs: 30_000, capMs: 3_600_000 };
  it.each([
    [1, 0, 15_000],
    [1, 1, 30_000],
    [1, 0.5, 22_500],
    [2, 0.5, 45_000],
    [3, 1, 120_000],
    [8, 1, 3_600_000],
    [8, 0, 1_800_000],
    [100, 1, 3_600_000],
  ])('attempt %i, random %f → %i ms', (attempt, random, expected) => {
    expect(retryDelayMs(attempt, policy, () => random)).toBe(expected);
  });

  it('never waits less than half the exponential step, nor more than the cap', () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      for (const r of [0, 0.25, 0.999, 1, -1, 2]) {
        const d = retryDelayMs(attempt, policy, () => r);
        const step = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(policy.capMs);
      }
    }
  });
});
