/** Shared label tables (server/domain/labels.ts) as flat i18n keys, for the portal and the staff app. */
import type { Lang, Wording } from '../../server/domain/labels.ts';

/** `{ paid: {th, en} }` under prefix 'inv' → `{ 'inv.paid': th }` for one language. */
export function labelKeys<P extends string, K extends string>(prefix: P, table: Record<K, Wording>, lang: Lang): Record<`${P}.${K}`, string> {
  const out = {} as Record<`${P}.${K}`, string>;
  for (const key of Object.keys(table) as K[]) out[`${prefix}.${key}`] = table[key][lang];
  return out;
}
