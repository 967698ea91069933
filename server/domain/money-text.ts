/**
 * How an amount is written for people, in one place for every renderer: bot Flex, email, SMS,
 * PDFs and the portal (liff/ imports this file as plain data, so it imports nothing).
 * Thai uses the baht sign; English writes "THB", which also keeps English SMS in the GSM-7
 * alphabet (one "฿" would turn the whole SMS into UCS-2 and halve its length).
 * Amounts are integer satang; anything else is a programming error (RangeError).
 */

function split(satang: number): { sign: string; baht: string; fraction: string } {
  if (!Number.isSafeInteger(satang)) throw new RangeError('amount must be a whole number of satang');
  const abs = Math.abs(satang);
  return { sign: satang < 0 ? '-' : '', baht: String(Math.floor(abs / 100)), fraction: String(abs % 100).padStart(2, '0') };
}

/** "1,234.50": thousands separators, no currency symbol. */
export function groupedBaht(satang: number): string {
  const { sign, baht, fraction } = split(satang);
  return `${sign}${baht.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

/** "฿1,234.50" in Thai, "THB 1,234.50" in English; the minus goes in front of the symbol. */
export function moneyText(satang: number, lang: 'th' | 'en'): string {
  const formatted = groupedBaht(Math.abs(satang));
  const sign = satang < 0 ? '-' : '';
  return lang === 'th' ? `${sign}฿${formatted}` : `${sign}THB ${formatted}`;
}
