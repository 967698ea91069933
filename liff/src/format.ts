/** Display formatting only (money, dates); no business rules. */
import type { Lang } from '../../server/portal/portal-view.ts';
import { moneyText } from '../../server/domain/money-text.ts';

const TZ = 'Asia/Bangkok';
const LOCALE: Record<Lang, string> = { th: 'th-TH-u-ca-buddhist', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = lang + kind;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      LOCALE[lang],
      kind === 'date'
        ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: TZ }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TZ },
    );
    cache.set(key, f);
  }
  return f;
}

/** 'YYYY-MM-DD' (a Bangkok calendar date) or an ISO instant → '25 พ.ย. 2569' / '25 Nov 2026'. */
export function formatDate(lang: Lang, value: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : formatter(lang, 'date').format(d);
}

/** ISO instant → '25 พ.ย. 2569 14:30 น.' / '25 Nov 2026 14:30'. */
export function formatDateTime(lang: Lang, iso: string, timeSuffix: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatter(lang, 'date').format(d)} ${formatter(lang, 'time').format(d)}${timeSuffix}`;
}

export function formatDateRange(lang: Lang, start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  if (!start || !end || start === end) return formatDate(lang, (start ?? end)!);
  return `${formatDate(lang, start)} – ${formatDate(lang, end)}`;
}

const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Integer satang → '฿1,234.50' / 'THB 1,234.50': the same text as LINE, email, SMS and PDFs. */
export function formatMoney(satang: number, lang: Lang): string {
  return moneyText(satang, lang);
}

export function formatQuantity(q: number): string {
  return quantity.format(q);
}

/** Thai greetings put คุณ before a name, unless the record already carries a title. */
export function politeName(name: string, lang: Lang): string {
  if (lang !== 'th' || /^(คุณ|นาย|นาง|นางสาว|ดร\.|บริษัท|ห้าง|ร้าน)/.test(name.trim()) || /^[A-Za-z]/.test(name.trim())) return name;
  return `คุณ${name}`;
}
