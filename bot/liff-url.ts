/** Portal pages inside LINE: LIFF serves `https://liff.line.me/<liff-id>` + the portal path. */
import type { LiffUrlBuilder } from '../server/services/ports.ts';

export function liffUrlBuilder(liffId: string): LiffUrlBuilder {
  return (portalPath) => `https://liff.line.me/${liffId}${portalPath}`;
}
