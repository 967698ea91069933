/**
 * Shared clean-up for text typed by people (LINE chat, forms). Thai keyboards can
 * produce Thai digits (๐–๙), and staff type names with random spacing and case.
 */
const THAI_DIGIT_ZERO = 0x0e50;

export function normalizeDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (digit) => String(digit.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/** Lower-cased with spaces, underscores, hyphens and dots removed: 'On site' → 'onsite'. */
export function compactKey(text: string): string {
  return normalizeDigits(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}
