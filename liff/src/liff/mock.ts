/** Test-only LIFF: `@line/liff-mock` in its own chunk, loaded only when `window.__LIFF_MOCK__` is set. */
import { LiffMockPlugin } from '@line/liff-mock';
import type { Liff } from '@line/liff/core';

type MockApi = { set(update: (prev: Record<string, unknown>) => Record<string, unknown>): void };
type MockedLiff = Liff & { $mock: MockApi; init(config: { liffId: string; mock: boolean }): Promise<void>; login(): void };

export async function initMockLiff(liff: Liff, liffId: string, overrides: Record<string, unknown>): Promise<void> {
  liff.use(new LiffMockPlugin());
  const mocked = liff as unknown as MockedLiff;
  // Behave like LINE's in-app browser by default: logged in, with an ID token.
  mocked.$mock.set((prev) => ({ ...prev, isInClient: true, isLoggedIn: true, getIDToken: 'mock-id-token', ...overrides }));
  await mocked.init({ liffId, mock: true });
  // The real SDK logs in automatically inside LINE; the mock needs the call.
  if (mocked.isLoggedIn()) mocked.login();
}
