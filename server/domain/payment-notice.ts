/** A client's payment notice: what it pays (an invoice or a deposit) and how its review moves. */
import { validation } from './errors.ts';

export type NoticeTargetKind = 'invoice' | 'deposit';
export interface NoticeTarget {
  kind: NoticeTargetKind;
  id: string;
}

/** `invoice.<id>` or `deposit.<id>`, as the portal form sends it. */
export function parseNoticeTarget(value: unknown): NoticeTarget {
  const match = typeof value === 'string' ? /^(invoice|deposit)\.([A-Za-z0-9_-]{1,64})$/.exec(value) : null;
  if (!match) throw validation('target', 'target must be invoice.<id> or deposit.<id>');
  return { kind: match[1] as NoticeTargetKind, id: match[2]! };
}

/** Whole satang from a form field ("123456"); anything else is refused, naming the field. */
export function parseFormSatang(value: unknown, field: string): number {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (!/^-?\d{1,13}$/.test(text)) throw validation(field, `${field} must be a whole number of satang`);
  return Number(text);
}
