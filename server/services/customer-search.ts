/**
 * Finding a customer from what staff type in chat: a name with typos or only part of it, a
 * company, a phone number, an email, or any document number. The matching rules live here
 * once (the bot and any other caller only rank what this returns).
 *
 * Names are compared Thai-aware: normalised (NFC, lower case, Thai digits, punctuation and
 * spaces dropped, honorifics and company words such as คุณ / บริษัท / จำกัด / Co., Ltd.
 * removed), then scored by whole words and by characters (Damerau-Levenshtein, bigram
 * overlap), also on a "skeleton" without tone marks, because a wrong or missing tone mark
 * is the most common Thai typo.
 */
import type { AppContext } from './context.ts';
import { formatDocumentNumber, parseDocumentNumber, type DocumentPrefix } from '../domain/document-numbers.ts';
import { normalizeDigits } from '../domain/normalize-input.ts';
import { thaiSkeleton } from '../domain/thai-skeleton.ts';
import type { NameQuery } from '../data/customer-name-index.ts';

// ---------------------------------------------------------------------------------------------
// Pure matching
// ---------------------------------------------------------------------------------------------

/** Whole words dropped from names (after lower-casing and removing punctuation). */
const HONORIFIC_WORDS = new Set([
  'คุณ',
  'นาย',
  'นาง',
  'นางสาว',
  'นส',
  'ดช',
  'ดญ',
  'บริษัท',
  'บจก',
  'จำกัด',
  'มหาชน',
  'หจก',
  'ห้างหุ้นส่วน',
  'ห้างหุ้นส่วนจำกัด',
  'ร้าน',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'khun',
  'k',
  'co',
  'ltd',
  'coltd',
  'company',
  'limited',
  'inc',
  'corp',
  'plc',
  'pcl',
]);

/** Thai honorifics people glue to the name without a space ("คุณสมชาย", "บริษัทฟ้าใสจำกัด"). */
const GLUED_PREFIXES = ['ห้างหุ้นส่วนจำกัด', 'ห้างหุ้นส่วน', 'นางสาว', 'บริษัท', 'คุณ', 'นาย', 'นาง', 'บจก', 'หจก', 'ร้าน'];
const GLUED_SUFFIXES = ['จำกัดมหาชน', 'จำกัด'];

/** A Thai syllable can start with a consonant or a leading vowel (เ แ โ ใ ไ), never with ั า ิ ่ …  */
const THAI_SYLLABLE_START = /^[\u0e01-\u0e2e\u0e40-\u0e44]/;

function stripGluedHonorifics(word: string): string {
  let out = word;
  for (const prefix of GLUED_PREFIXES) {
    const rest = out.slice(prefix.length);
    // "คุณากร" is a name, not คุณ + ากร: only strip when what remains can start a Thai syllable.
    if (out.startsWith(prefix) && rest.length >= 2 && THAI_SYLLABLE_START.test(rest)) {
      out = rest;
      break;
    }
  }
  for (const suffix of GLUED_SUFFIXES) {
    if (out.endsWith(suffix) && out.length - suffix.length >= 2) {
      out = out.slice(0, -suffix.length);
      break;
    }
  }
  return out;
}

/** Words of a name as compared: 'คุณสมชาย  ใจดี' → ['สมชาย', 'ใจดี']; 'Fah Sai Co., Ltd.' → ['fah', 'sai']. */
export function nameWords(text: string): string[] {
  const cleaned = normalizeDigits(text)
    .normalize('NFC')
    .toLowerCase()
    // Abbreviations such as "น.ส." lose their inner dots so they become one (honorific) word.
    .replace(/(?<![\p{L}\p{M}])(\p{L})\.(?=\p{L})/gu, '$1')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
  if (!cleaned) return [];
  const words = cleaned
    .split(' ')
    .map((w) => (HONORIFIC_WORDS.has(w) ? '' : stripGluedHonorifics(w)))
    .filter((w) => w && !HONORIFIC_WORDS.has(w));
  // A query that is only an honorific ("คุณ") still means something: keep it rather than nothing.
  return words.length > 0 ? words : cleaned.split(' ');
}

/** The name as one key: words joined without spaces. */
export function normalizeName(text: string): string {
  return nameWords(text).join('');
}

export { thaiSkeleton };

/** Optimal-string-alignment Damerau-Levenshtein distance (adjacent transpositions count 1), by code point. */
export function damerauLevenshtein(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      cur.push(value);
    }
    prevPrev = prev;
    prev = cur;
  }
  return prev[t.length]!;
}

/** 1 for equal strings, 0 for nothing in common: 1 - distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  const longest = Math.max([...a].length, [...b].length);
  return longest === 0 ? 1 : 1 - damerauLevenshtein(a, b) / longest;
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars.length ? [chars[0]!] : [];
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** Sørensen-Dice coefficient over character bigrams (robust to a swapped word order). */
export function bigramSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of y) counts.set(g, (counts.get(g) ?? 0) + 1);
  let overlap = 0;
  for (const g of x) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(g, n - 1);
    }
  }
  return (2 * overlap) / (x.length + y.length);
}

/** How well one typed word matches one word of a name: exact, prefix ("สม" of "สมชาย"), or close. */
function wordScore(query: string, word: string): number {
  if (query === word) return 1;
  const qLen = [...query].length;
  if (qLen >= 2 && word.startsWith(query)) return 0.85 + 0.1 * (qLen / [...word].length);
  const whole = editSimilarity(query, word);
  // A typo in a partial word: compare with the word's beginning of the same length.
  const prefix = qLen >= 3 && [...word].length > qLen ? editSimilarity(query, [...word].slice(0, qLen).join('')) * 0.85 : 0;
  return Math.max(whole, prefix);
}

function scoreWords(queryWords: string[], candidateWords: string[]): number {
  if (queryWords.length === 0 || candidateWords.length === 0) return 0;
  let total = 0;
  for (const q of queryWords) total += Math.max(...candidateWords.map((w) => wordScore(q, w)));
  return total / queryWords.length;
}

function scoreKeys(query: string, candidate: string): number {
  if (!query || !candidate) return 0;
  if (query === candidate) return 1;
  const qLen = [...query].length;
  if (qLen >= 2 && candidate.startsWith(query)) return 0.9 + 0.08 * (qLen / [...candidate].length);
  if (qLen >= 3 && candidate.includes(query)) return 0.85;
  return Math.max(editSimilarity(query, candidate), bigramSimilarity(query, candidate) * 0.95);
}

/**
 * Similarity (0..1) between what was typed and a name. Word by word and on the whole
 * normalised name; also on Thai skeletons (slightly discounted so the exact spelling ranks first).
 */
export function nameSimilarity(query: string, name: string): number {
  return similarityTo(comparedName(query), name);
}

interface ComparedName {
  words: string[];
  key: string;
  skeletonWords: string[];
  skeletonKey: string;
}

/** The typed side, normalised once per search rather than once per candidate. */
function comparedName(text: string): ComparedName {
  const words = nameWords(text);
  const key = words.join('');
  return { words, key, skeletonWords: words.map(thaiSkeleton), skeletonKey: thaiSkeleton(key) };
}

function similarityTo(query: ComparedName, name: string): number {
  const nWords = nameWords(name);
  const n = nWords.join('');
  const direct = Math.max(scoreKeys(query.key, n), scoreWords(query.words, nWords));
  if (direct === 1) return 1;
  const skeleton = Math.max(scoreKeys(query.skeletonKey, thaiSkeleton(n)), scoreWords(query.skeletonWords, nWords.map(thaiSkeleton))) * 0.97;
  return Math.max(direct, skeleton);
}

/** Below this a name is not offered as a match at all. */
export const NAME_MATCH_THRESHOLD = 0.6;

export interface Ranked<T> {
  item: T;
  score: number;
}

/** Candidates scored on their best field (name or company), best first, below-threshold ones dropped. */
export function rankByName<T>(query: string, items: readonly T[], fields: (item: T) => (string | null | undefined)[]): Ranked<T>[] {
  const ranked: Ranked<T>[] = [];
  const compared = comparedName(query);
  for (const item of items) {
    let best = 0;
    for (const field of fields(item)) if (field) best = Math.max(best, similarityTo(compared, field));
    if (best >= NAME_MATCH_THRESHOLD) ranked.push({ item, score: best });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/**
 * Whether the best match is clearly the one meant: the only one, an exact match among
 * inexact ones, or well ahead of the next. Otherwise the caller should let staff choose.
 */
export function isClearBest(ranked: readonly { score: number }[]): boolean {
  const [first, second] = ranked;
  if (!first) return false;
  if (!second) return true;
  if (first.score >= 0.999) return second.score < 0.999;
  return first.score >= 0.75 && first.score - second.score >= 0.15;
}

/** Thai mobile/landline digits: '+66 81-234-5678' and '081 234 5678' both → '0812345678'. */
export function normalizePhone(text: string): string {
  const digits = normalizeDigits(text).replace(/\D/g, '');
  return digits.startsWith('66') && digits.length >= 10 ? `0${digits.slice(2)}` : digits;
}

/** Typed text that looks like a phone number (mostly digits, at least 6 of them). */
export function looksLikePhone(text: string): boolean {
  const t = normalizeDigits(text).trim();
  return /^\+?[\d\s\-().]{6,}$/.test(t) && t.replace(/\D/g, '').length >= 6;
}

// ---------------------------------------------------------------------------------------------
// Search over the database
// ---------------------------------------------------------------------------------------------

export type MatchedBy = 'document' | 'phone' | 'email' | 'name';

export interface DocumentRef {
  type: 'invoice' | 'tax_invoice' | 'quote' | 'receipt' | 'deposit' | 'job';
  id: string;
  number: string;
}

export interface CustomerMatch {
  customerId: string;
  name: string;
  companyName: string | null;
  score: number;
  matchedBy: MatchedBy;
  /** Set when the customer was found through one of their documents. */
  document?: DocumentRef;
}

const customerFields = { id: true, name: true, companyName: true } as const;

/** The record a document number names (any type), with its customer; null if no such number. */
export async function findDocumentByNumber(ctx: AppContext, text: string): Promise<(DocumentRef & { customerId: string }) | null> {
  const parsed = parseDocumentNumber(text);
  if (!parsed) return null;
  const number = formatDocumentNumber(parsed.prefix, parsed.year, parsed.sequence);
  const select = { id: true, customerId: true } as const;
  const lookups: Record<DocumentPrefix, () => Promise<{ id: string; customerId: string } | null>> = {
    INV: () => ctx.db.invoice.findUnique({ where: { number }, select }),
    // A tax invoice is issued per payment; it names the invoice it was paid against.
    TAX: async () => (await ctx.db.payment.findUnique({ where: { taxInvoiceNumber: number }, select: { invoice: { select } } }))?.invoice ?? null,
    QT: () => ctx.db.quote.findUnique({ where: { number }, select }),
    RC: () => ctx.db.receipt.findUnique({ where: { number }, select }),
    PREREC: () => ctx.db.receipt.findUnique({ where: { number }, select }),
    DEPR: () => ctx.db.receipt.findUnique({ where: { number }, select }),
    DEPRR: () => ctx.db.receipt.findUnique({ where: { number }, select }),
    DEP: () => ctx.db.deposit.findUnique({ where: { number }, select }),
    JOB: () => ctx.db.job.findUnique({ where: { number }, select }),
    // A credit note reverses one payment's tax invoice: it names that invoice, like TAX.
    CN: async () => (await ctx.db.payment.findUnique({ where: { creditNoteNumber: number }, select: { invoice: { select } } }))?.invoice ?? null,
  };
  const types: Record<DocumentPrefix, DocumentRef['type']> = {
    INV: 'invoice',
    TAX: 'tax_invoice',
    QT: 'quote',
    RC: 'receipt',
    PREREC: 'receipt',
    DEPR: 'receipt',
    DEPRR: 'receipt',
    DEP: 'deposit',
    JOB: 'job',
    CN: 'invoice',
  };
  const found = await lookups[parsed.prefix]();
  return found ? { type: types[parsed.prefix], id: found.id, number, customerId: found.customerId } : null;
}

/**
 * Customers matching what was typed, best first: a document number finds its customer; a
 * phone number or an email matches exactly (or by its ending / part); anything else is a
 * fuzzy name or company search.
 */
export async function searchCustomers(ctx: AppContext, query: string, options: { limit?: number } = {}): Promise<CustomerMatch[]> {
  const limit = options.limit ?? 50;
  const text = query.normalize('NFC').trim();
  if (!text) return [];

  const document = await findDocumentByNumber(ctx, text);
  if (document) {
    const customer = await ctx.db.customer.findUnique({ where: { id: document.customerId }, select: customerFields });
    if (!customer) return [];
    const { customerId: _c, ...ref } = document;
    return [{ customerId: customer.id, name: customer.name, companyName: customer.companyName, score: 1, matchedBy: 'document', document: ref }];
  }

  if (text.includes('@')) {
    const wanted = text.toLowerCase();
    const rows = await ctx.db.customer.findMany({ where: { email: { not: null } }, select: { ...customerFields, email: true } });
    return rows
      .filter((c) => c.email!.toLowerCase().includes(wanted))
      .map((c) => ({
        customerId: c.id,
        name: c.name,
        companyName: c.companyName,
        score: c.email!.toLowerCase() === wanted ? 1 : 0.9,
        matchedBy: 'email' as const,
      }))
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'th'))
      .slice(0, limit);
  }

  if (looksLikePhone(text)) {
    const wanted = normalizePhone(text);
    const rows = await ctx.db.customer.findMany({ where: { phone: { not: null } }, select: { ...customerFields, phone: true } });
    return rows
      .map((c) => ({ c, phone: normalizePhone(c.phone!) }))
      .filter(({ phone }) => phone.length > 0 && (phone === wanted || phone.endsWith(wanted) || phone.includes(wanted)))
      .map(({ c, phone }) => ({ customerId: c.id, name: c.name, companyName: c.companyName, score: phone === wanted ? 1 : 0.9, matchedBy: 'phone' as const }))
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'th'))
      .slice(0, limit);
  }

  // The index narrows thousands of customers to the few that share a piece of the name; the
  // ranking below (typo- and tone-mark-tolerant) decides among them.
  const candidates = await ctx.customerNames.candidates(nameQuery(text), CANDIDATES);
  return rankByName(text, candidates, (c) => [c.name, c.companyName])
    .slice(0, limit)
    .map(({ item, score }) => ({ customerId: item.id, name: item.name, companyName: item.companyName, score, matchedBy: 'name' as const }));
}

/** How many customers the index hands to the ranking: enough for every plausible match, few enough to rank in a few ms. */
const CANDIDATES = 100;

/** Typed words longer than this are cut: a name, not a paragraph (and a bounded query). */
const MAX_WORD = 40;

function trigramsOf(word: string): string[] {
  const chars = [...word].slice(0, MAX_WORD);
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(''));
  return out;
}

/** What the index looks for: trigrams of the typed name's skeleton (per word and joined), or short words as they are. */
export function nameQuery(text: string): NameQuery {
  const words = nameWords(text)
    .slice(0, 8)
    .map((w) => thaiSkeleton(w));
  const trigrams = [...new Set([...words.flatMap(trigramsOf), ...trigramsOf(words.join(''))])];
  return { trigrams, fragments: trigrams.length > 0 ? [] : words.filter(Boolean) };
}
