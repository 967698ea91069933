/**
 * Where a line of Thai may break. Intl.Segmenter ('th', ICU's dictionary) proposes the
 * word boundaries; they are then removed where a Thai reader would see a word cut:
 * - inside a keep-whole word (server/domain/keep-whole-words.ts plus the business's own
 *   list), wherever ICU split it — "เครื่อง|โปร|เจ|ก|เตอร์" becomes one piece;
 * - around a fragment ICU leaves from a word it does not know: a consonant silenced by ์
 *   (เชอ|ร์) belongs to the syllable before it, a lone consonant (มิ|ว, ไฟ|ส|ปอต) to
 *   the one before or the one after, so it sticks to both;
 * - around punctuation that must not be separated from its word, after a Thai leading
 *   vowel, and inside "25°C".
 * The pieces are memoised per paragraph and word list (pure and repeated across documents).
 */
import { BUILT_IN_KEEP_WHOLE_WORDS } from '../../domain/keep-whole-words.ts';

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });

export interface Token {
  text: string;
  /** True for runs of whitespace: a break opportunity, dropped at line ends. */
  space: boolean;
  /**
   * Where the token may still break when it alone is wider than the line: ICU's words
   * inside a keep-whole word ("เครื่อง", "โปร", "เจก", "เตอร์"), a better cut than between
   * two letters.
   */
  parts: string[];
}

/** Never ends a line: opening brackets and quotes stick to the next word. */
const NO_BREAK_AFTER = /[([{“‘"'«#฿$°×]$/u;
/** Never starts a line: closing punctuation, Thai repetition/abbreviation marks, degrees, 3×2. */
const NO_BREAK_BEFORE = /^[)\]}”’"'».,:;!?%ๆฯ…\-–—/°×]/u;
/** Thai leading vowels (เ แ โ ใ ไ): never end a piece. */
export const THAI_LEADING_END = /[\u0E40-\u0E44]$/u;
/** A piece of a syllable: one consonant, or consonants silenced by thanthakhat (ร์, ทร์, ติ์). */
export const SYLLABLE_FRAGMENT = /^(?:[\u0E01-\u0E2E]|[\u0E01-\u0E2E]{1,2}[\u0E34\u0E38]?\u0E4C)$/u;
/**
 * A lone consonant may end the syllable before it (มิ|ว, สตรี|ม) or start the one after it
 * (ไฟ|ส|ปอตไลท์, เครื่อง|ส|โมค): it sticks to both sides.
 */
const LONE_CONSONANT = /^[\u0E01-\u0E2E]$/u;
const STARTS_THAI = /^[\u0E01-\u0E4E]/u;
export const ENDS_IN_THAI = /[\u0E01-\u0E4E]$/u;
const WHITESPACE = /^\s+$/u;

/** A word list ready for matching: words by first character, longest first. */
export interface Lexicon {
  key: string;
  byFirst: ReadonlyMap<string, readonly string[]>;
}

function compile(words: readonly string[], key: string): Lexicon {
  const byFirst = new Map<string, string[]>();
  for (const word of new Set(words)) {
    if (word.length < 2) continue;
    const first = word[0]!;
    const list = byFirst.get(first) ?? [];
    list.push(word);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { key, byFirst };
}

const BUILT_IN = compile(BUILT_IN_KEEP_WHOLE_WORDS, '');
const LEXICON_CACHE_LIMIT = 32;
const lexicons = new Map<string, Lexicon>();

/** The built-in words plus `extra` (a business's own), compiled once per distinct list. */
export function lexiconWith(extra: readonly string[] = []): Lexicon {
  if (extra.length === 0) return BUILT_IN;
  const key = extra.join('\n');
  let lexicon = lexicons.get(key);
  if (!lexicon) {
    lexicon = compile([...BUILT_IN_KEEP_WHOLE_WORDS, ...extra], key);
    if (lexicons.size >= LEXICON_CACHE_LIMIT) lexicons.clear();
    lexicons.set(key, lexicon);
  }
  return lexicon;
}

interface Protection {
  /** noBreak[i]: offset i is inside a keep-whole word (the longest one found there). */
  noBreak: boolean[];
  /**
   * nested[i]: offset i is inside a shorter keep-whole word within a longer one (โปรเจกเตอร์
   * in เครื่องโปรเจกเตอร์): when the longer word must break, it breaks outside those.
   */
  nested: boolean[];
  /** Where a keep-whole word starts or ends: a word boundary even where ICU saw none. */
  edges: Set<number>;
  /** Where a shorter word inside a longer one starts or ends: where the longer one may break. */
  innerEdges: Set<number>;
}

function protectedOffsets(text: string, lexicon: Lexicon): Protection {
  const noBreak = new Array<boolean>(text.length + 1).fill(false);
  const nested = new Array<boolean>(text.length + 1).fill(false);
  const edges = new Set<number>();
  const innerEdges = new Set<number>();
  let end = 0;
  for (let i = 0; i < text.length; i += 1) {
    for (const word of lexicon.byFirst.get(text[i]!) ?? []) {
      if (!text.startsWith(word, i)) continue;
      const inside = i < end ? nested : noBreak;
      for (let j = i + 1; j < i + word.length; j += 1) inside[j] = true;
      if (i >= end) {
        end = i + word.length;
        edges.add(i).add(end);
      } else {
        innerEdges.add(i).add(i + word.length);
      }
    }
  }
  return { noBreak, nested, edges, innerEdges };
}

/** ICU's words, also cut where a keep-whole word starts or ends inside one ("รณ์ส" → รณ์ | ส). */
function segmentsWithin(text: string, edges: ReadonlySet<number>): { segment: string; index: number }[] {
  const out: { segment: string; index: number }[] = [];
  for (const { segment, index } of wordSegmenter.segment(text)) {
    let start = 0;
    for (let k = 1; k < segment.length; k += 1) {
      if (!edges.has(index + k)) continue;
      out.push({ segment: segment.slice(start, k), index: index + start });
      start = k;
    }
    out.push({ segment: segment.slice(start), index: index + start });
  }
  return out;
}

function segmentTokens(paragraph: string, lexicon: Lexicon): Token[] {
  const { noBreak, nested, edges, innerEdges } = protectedOffsets(paragraph, lexicon);
  const tokens: Token[] = [];
  let loneConsonantBefore = false;
  const cuts = new Set([...edges, ...innerEdges]);
  for (const { segment, index } of segmentsWithin(paragraph, cuts)) {
    const space = WHITESPACE.test(segment);
    const previous = tokens[tokens.length - 1];
    const joinable = previous && !space && !previous.space;
    const glued =
      joinable &&
      (NO_BREAK_AFTER.test(previous.text) ||
        NO_BREAK_BEFORE.test(segment) ||
        THAI_LEADING_END.test(previous.text) ||
        (loneConsonantBefore && STARTS_THAI.test(segment) && !edges.has(index)) ||
        (SYLLABLE_FRAGMENT.test(segment) && ENDS_IN_THAI.test(previous.text) && !edges.has(index)));
    const lone = LONE_CONSONANT.test(segment);
    loneConsonantBefore = lone;
    if (glued || (joinable && noBreak[index])) {
      previous.text += segment;
      // A glued lone consonant opens a part of its own, so the syllable it may start
      // (ไฟ | สปอตไลท์) is still a place to break a word wider than the line.
      if (((glued && !lone) || nested[index]) && !innerEdges.has(index)) previous.parts[previous.parts.length - 1] += segment;
      else previous.parts.push(segment);
    } else {
      tokens.push({ text: segment, space, parts: [segment] });
    }
  }
  return tokens;
}

const TOKEN_CACHE_LIMIT = 5_000;
const tokenCache = new Map<string, readonly Token[]>();

/** Unbreakable pieces of a paragraph (words glued as above) and the whitespace between them. */
export function tokenize(paragraph: string, lexicon: Lexicon = BUILT_IN): readonly Token[] {
  const key = lexicon === BUILT_IN ? paragraph : `${lexicon.key}\u0000${paragraph}`;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    tokens = segmentTokens(paragraph, lexicon);
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(key, tokens);
  }
  return tokens;
}
