/**
 * Back-off between delivery attempts: exponential, capped, with jitter so that messages that
 * failed together (a provider outage) do not all come back in the same second.
 */
export interface RetryPolicy {
  /** Delay before the 2nd attempt (before jitter). */
  baseMs: number;
  /** No delay is longer than this. */
  capMs: number;
  /** After this many attempts the message is dead. */
  maxAttempts: number;
}

/**
 * Delay after failed attempt number `attempt` (1-based): base·2^(attempt−1), capped, then
 * "equal jitter" — uniformly between half of it and all of it, so it never collapses to zero.
 * `random` is injected (tests pass a fixed value).
 */
export function retryDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 40));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
