import type { LiffBridge, LiffMockFlag } from './types.ts';

/** Loads the LIFF SDK chunk (and the mock chunk only when the test flag is set), then `liff.init`. */
export async function loadLiff(liffId: string, mock: LiffMockFlag): Promise<LiffBridge> {
  const { startLiff } = await import('./sdk.ts');
  return startLiff(liffId, mock);
}
