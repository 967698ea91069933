/**
 * Characters people never mean to type into a name, title or note, and that hurt once stored:
 * control characters (NUL truncates in C libraries, others print as boxes in PDFs), bidi
 * controls (U+202E shows "Smith" as "htimS" in the portal and on a tax invoice) and zero-width
 * characters (invisible, so two names that look alike differ, and PDFs show them as boxes).
 * Refused at the edge rather than silently stripped, so staff see what was wrong.
 */

export type UnsafeKind = 'control' | 'bidi' | 'zero_width';

export interface UnsafeCharacter {
  kind: UnsafeKind;
  /** 'U+202E' */
  codePoint: string;
  /** Position in characters (code points), counting from 1. */
  position: number;
}

export interface SafeTextOptions {
  /** Addresses and notes: newline and tab are allowed. */
  multiline?: boolean;
}

const BIDI = new Set([0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const TAB = 0x09;
const NEWLINE = 0x0a;

function kindOf(code: number, multiline: boolean): UnsafeKind | null {
  if (multiline && (code === TAB || code === NEWLINE)) return null;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'control';
  if (BIDI.has(code)) return 'bidi';
  if (ZERO_WIDTH.has(code)) return 'zero_width';
  return null;
}

/** The first character that must not be stored, or null when the text is safe. */
export function findUnsafeCharacter(text: string, options: SafeTextOptions = {}): UnsafeCharacter | null {
  let position = 0;
  for (const char of text) {
    position += 1;
    const code = char.codePointAt(0)!;
    const kind = kindOf(code, options.multiline ?? false);
    if (kind) return { kind, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, position };
  }
  return null;
}

const DESCRIPTIONS: Record<UnsafeKind, string> = {
  control: 'a control character',
  bidi: 'an invisible text-direction character',
  zero_width: 'an invisible zero-width character',
};

/** English sentence for a 400 (the field name is added by the caller). */
export function describeUnsafeCharacter(found: UnsafeCharacter, options: SafeTextOptions = {}): string {
  const lineHint = found.kind === 'control' && !options.multiline ? ' (this field is a single line)' : '';
  return `contains ${DESCRIPTIONS[found.kind]} (${found.codePoint}) at character ${found.position}${lineHint}; remove it and try again`;
}
