/**
 * What staff typed → which command, with its arguments. Pure: no database, no LINE.
 *
 * Thai and English, case- and spacing-insensitive, Thai digits accepted, small typos in the
 * command word forgiven ("serch", "overdeu", "ค้นห"), Thai commands may be glued to their
 * argument ("ค้นหาสมชาย", Thai is written without spaces). Text that is no command at all is a
 * customer search, because a name is what staff type most.
 */
import type { Lang } from '../flex/format.ts';
import { formatDocumentNumber, isDocumentPrefix, type DocumentPrefix } from '../../server/domain/document-numbers.ts';
import { JOB_STAGES, STAGE_LABELS, parseStage, type JobStage } from '../../server/domain/job-stages.ts';
import { compactKey, normalizeDigits } from '../../server/domain/normalize-input.ts';
import { parseBahtToSatang } from '../../server/domain/money.ts';
import type { PaymentMethod } from '../../server/domain/payment-status.ts';
import { damerauLevenshtein, editSimilarity } from '../../server/services/customer-search.ts';

export type CommandName =
  | 'help'
  | 'enrol'
  | 'find'
  | 'link'
  | 'remind'
  | 'overdue'
  | 'stage'
  | 'revoke'
  | 'pay'
  | 'collectDeposit'
  | 'returnDeposit'
  | 'deduct'
  | 'slips';

export type Target = { kind: 'document'; prefix: DocumentPrefix; number: string } | { kind: 'text'; text: string };

export type Command =
  | { kind: 'empty'; lang: Lang }
  | { kind: 'help'; lang: Lang }
  /** Payment notices (slips) waiting for review. */
  | { kind: 'slips'; lang: Lang }
  /** `query`: only this customer's overdue invoices ("overdue somchai"); '' = all. */
  | { kind: 'overdue'; lang: Lang; query: string }
  | { kind: 'enrol'; lang: Lang; code: string }
  /**
   * `implicit`: no command word, the whole text is the search. `lang` is null when the text says
   * nothing about the writer's language (a phone number, a document number, an email address).
   */
  | { kind: 'find'; lang: Lang | null; query: string; implicit: boolean }
  | { kind: 'link'; lang: Lang; target: Target | null }
  | { kind: 'remind'; lang: Lang; target: Target | null }
  | { kind: 'revoke'; lang: Lang; target: Target | null }
  | {
      kind: 'stage';
      lang: Lang;
      /** The job number as stored (JOB-2026-0001), or null when none was typed. */
      jobNumber: string | null;
      /** A document number of another kind where a job number was expected. */
      notAJob: string | null;
      /** The recognised stage, or null (none typed, or `stageText` was not understood). */
      stage: JobStage | null;
      stageText: string;
    }
  /** Money staff received or give back; `number` null = none typed, `amountSatang` null = none (or not understood). */
  | { kind: 'pay'; lang: Lang; number: string | null; wrongPrefix: string | null; amountSatang: number | null; method: PaymentMethod }
  | { kind: 'collectDeposit'; lang: Lang; number: string | null; wrongPrefix: string | null; amountSatang: number | null; method: PaymentMethod }
  /** Starts a deposit return; without a number it finishes the one in progress ("คืน" / "done"). */
  | { kind: 'returnDeposit'; lang: Lang; number: string | null; wrongPrefix: string | null }
  /** A deduction line of the deposit return in progress: "หัก 500 สายไมค์ชำรุด". */
  | { kind: 'deduct'; lang: Lang; amountSatang: number | null; reason: string };

interface Keyword {
  command: CommandName;
  lang: Lang;
  word: string;
}

const WORDS: Record<CommandName, { en: string[]; th: string[] }> = {
  help: { en: ['help', 'menu', 'commands', '?'], th: ['ช่วยเหลือ', 'วิธีใช้', 'คำสั่ง', 'เมนู', 'ช่วย'] },
  enrol: { en: ['enrol', 'enroll', 'register'], th: ['ลงทะเบียน'] },
  find: { en: ['find', 'search', 'customer', 'lookup'], th: ['ค้นหา', 'หา', 'ลูกค้า'] },
  link: { en: ['link', 'portal'], th: ['ลิงก์', 'ลิงค์', 'ลิ้งก์', 'ลิ้งค์', 'ลิงก'] },
  remind: { en: ['remind', 'reminder'], th: ['เตือน', 'ทวง', 'แจ้งเตือน'] },
  overdue: { en: ['overdue', 'late', 'unpaid'], th: ['ค้างชำระ', 'ค้างจ่าย', 'เกินกำหนด', 'ค้าง'] },
  stage: { en: ['stage', 'status', 'move'], th: ['สถานะ', 'ย้าย', 'เปลี่ยนสถานะ'] },
  revoke: { en: ['revoke'], th: ['ยกเลิกลิงก์', 'ยกเลิกลิงค์', 'ยกเลิกลิ้งก์', 'เพิกถอน', 'เพิกถอนลิงก์'] },
  slips: { en: ['slips', 'slip'], th: ['สลิป', 'ตรวจสลิป'] },
  pay: { en: ['paid', 'pay', 'payment'], th: ['รับเงิน', 'รับชำระ'] },
  collectDeposit: { en: ['deposit', 'collect'], th: ['รับเงินประกัน', 'เก็บเงินประกัน'] },
  returnDeposit: { en: ['return', 'refund', 'done'], th: ['คืนเงินประกัน', 'คืน', 'เสร็จ'] },
  deduct: { en: ['deduct'], th: ['หัก', 'หักเงิน'] },
};

/** Money is never recorded on a guess: these command words must be typed exactly. */
const EXACT_ONLY: ReadonlySet<CommandName> = new Set(['pay', 'collectDeposit', 'returnDeposit', 'deduct']);

/** Commands that take no argument: extra words make the text something else (a name). */
const NO_ARGUMENT: ReadonlySet<CommandName> = new Set(['help', 'overdue', 'slips']);

const KEYWORDS: Keyword[] = (Object.keys(WORDS) as CommandName[])
  .flatMap((command) => [
    ...WORDS[command].en.map((word) => ({ command, lang: 'en' as const, word })),
    ...WORDS[command].th.map((word) => ({ command, lang: 'th' as const, word })),
  ])
  // Longest first, so "ยกเลิกลิงก์" wins over anything shorter it starts with.
  .sort((a, b) => b.word.length - a.word.length);

const EXACT = new Map(KEYWORDS.map((k) => [k.word, k]));
const length = (s: string) => [...s].length;
/** A Thai keyword may be glued to its argument only when it is long enough not to start an ordinary word. */
const GLUE_MIN_LENGTH = 5;
const THAI = /[\u0e00-\u0e7f]/;

const LATIN_LETTER = /[A-Za-z]/;
const EMAIL = /^\S+@\S+\.\S+$/;

/**
 * The language a text is written in, or null when it is written in neither: digits and
 * punctuation only ("0812345678", "081-234-5678"), a bare document number ("inv 2026 1") or an
 * email address read the same for Thai and English staff, so they must not switch the language.
 */
export function detectLang(text: string): Lang | null {
  const cleaned = cleanInput(text); // Thai digits become ASCII: digits are neutral in either script
  if (THAI.test(cleaned)) return 'th';
  if (!LATIN_LETTER.test(cleaned) || EMAIL.test(cleaned) || parseTarget(cleaned)?.kind === 'document') return null;
  return 'en';
}

/** Trims, NFC, Thai digits → ASCII, collapses whitespace (including LINE's non-breaking spaces). */
export function cleanInput(text: string): string {
  return normalizeDigits(text.normalize('NFC'))
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

function typoKeyword(head: string): Keyword | null {
  if (length(head) < 4) return null;
  const hits = new Map<CommandName, Keyword>();
  for (const k of KEYWORDS) {
    if (length(k.word) < 4 || k.word === '?' || EXACT_ONLY.has(k.command)) continue;
    const allowed = length(k.word) >= 8 ? 2 : 1;
    if (Math.abs(length(k.word) - length(head)) > allowed) continue;
    if (damerauLevenshtein(head, k.word) <= allowed && !hits.has(k.command)) hits.set(k.command, k);
  }
  // "stat" could be status or start: a typo that fits two commands is not guessed.
  return hits.size === 1 ? [...hits.values()][0]! : null;
}

function splitCommand(text: string): { keyword: Keyword; args: string } | null {
  const [rawHead = '', ...rest] = text.split(' ');
  const head = rawHead.toLowerCase().replace(/[:：,]+$/, '');
  const args = rest.join(' ').trim();
  const exact = EXACT.get(head);
  if (exact) return { keyword: exact, args };
  const lower = text.toLowerCase();
  for (const k of KEYWORDS) {
    if (k.lang === 'th' && length(k.word) >= GLUE_MIN_LENGTH && lower.startsWith(k.word)) {
      return { keyword: k, args: text.slice(k.word.length).trim() };
    }
  }
  const typo = typoKeyword(head);
  if (typo && (NO_ARGUMENT.has(typo.command) ? args === '' : args !== '')) return { keyword: typo, args };
  return null;
}

const DOC_NUMBER_IN_TEXT = /([A-Za-z]{2,6})[\s\-_/#.]*(\d{4})[\s\-_/#.]*(\d{1,9})(?!\d)/;

/** 'inv 2026 1' → INV-2026-0001; anything else is text (a name, a phone number…). */
export function parseTarget(args: string): Target | null {
  const text = cleanInput(args);
  if (!text) return null;
  const match = new RegExp(`^${DOC_NUMBER_IN_TEXT.source}$`).exec(text);
  if (match) {
    const prefix = match[1]!.toUpperCase();
    const year = Number(match[2]);
    const sequence = Number(match[3]);
    if (isDocumentPrefix(prefix) && sequence >= 1) return { kind: 'document', prefix, number: formatDocumentNumber(prefix, year, sequence) };
  }
  return { kind: 'text', text };
}

const STAGE_WORDS: { stage: JobStage; key: string }[] = JOB_STAGES.flatMap((stage) =>
  [stage, STAGE_LABELS[stage].en, STAGE_LABELS[stage].th].map((word) => ({ stage, key: compactKey(word) })),
);

/** A stage by key, label or synonym (domain), or failing that the closest label within a typo or two. */
export function matchStage(text: string): JobStage | null {
  const exact = parseStage(text);
  if (exact) return exact;
  const key = compactKey(text);
  if (length(key) < 3) return null;
  let best: { stage: JobStage; score: number } | null = null;
  let ambiguous = false;
  for (const word of STAGE_WORDS) {
    const score = editSimilarity(key, word.key);
    if (score < 0.75) continue;
    if (!best || score > best.score) {
      ambiguous = false;
      best = { stage: word.stage, score };
    } else if (score === best.score && word.stage !== best.stage) {
      ambiguous = true;
    }
  }
  return best && !ambiguous ? best.stage : null;
}

function parseStageArgs(args: string, lang: Lang): Command {
  const text = cleanInput(args);
  const match = DOC_NUMBER_IN_TEXT.exec(text);
  let jobNumber: string | null = null;
  let notAJob: string | null = null;
  let rest = text;
  if (match) {
    const prefix = match[1]!.toUpperCase();
    const sequence = Number(match[3]);
    if (isDocumentPrefix(prefix) && sequence >= 1) {
      const number = formatDocumentNumber(prefix, Number(match[2]), sequence);
      if (prefix === 'JOB') jobNumber = number;
      else notAJob = number;
      rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.trim();
    }
  }
  const stageText = rest.replace(/^(to|ไป|เป็น)\s+/i, '').trim();
  return { kind: 'stage', lang, jobNumber, notAJob, stage: stageText ? matchStage(stageText) : null, stageText };
}

/** Optional method word after the amount; none = PromptPay, how Thai clients usually pay. */
const METHOD_WORDS: Record<string, PaymentMethod> = {
  พร้อมเพย์: 'promptpay',
  promptpay: 'promptpay',
  โอน: 'bank_transfer',
  โอนเงิน: 'bank_transfer',
  transfer: 'bank_transfer',
  bank: 'bank_transfer',
  เงินสด: 'cash',
  สด: 'cash',
  cash: 'cash',
  เช็ค: 'cheque',
  cheque: 'cheque',
  check: 'cheque',
  บัตร: 'card',
  card: 'card',
};

/** An amount typed by staff ("23,456", "฿23,456.50", "500 บาท"), or null. */
export function parseAmount(text: string): number | null {
  try {
    const satang = parseBahtToSatang(text);
    return satang > 0 ? satang : null;
  } catch {
    return null;
  }
}

/** "INV-2026-0001 23,456 เงินสด" → the document number (of `prefix`), the amount and the method. */
function parseMoneyArgs(args: string, prefix: DocumentPrefix) {
  let rest = cleanInput(args);
  let number: string | null = null;
  let wrongPrefix: string | null = null;
  const match = DOC_NUMBER_IN_TEXT.exec(rest);
  if (match) {
    const found = match[1]!.toUpperCase();
    const sequence = Number(match[3]);
    if (isDocumentPrefix(found) && sequence >= 1) {
      const formatted = formatDocumentNumber(found, Number(match[2]), sequence);
      if (found === prefix) number = formatted;
      else wrongPrefix = formatted;
      rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`.trim();
    }
  }
  let method: PaymentMethod = 'promptpay';
  const words = rest.split(' ').filter((word) => {
    const known = METHOD_WORDS[word.toLowerCase()];
    if (known) method = known;
    return !known;
  });
  const amountText = words.join(' ');
  return { number, wrongPrefix, amountSatang: amountText ? parseAmount(amountText) : null, method };
}

/** "500 สายไมค์ชำรุด" or "สายไมค์ชำรุด 500": the amount first or last, the rest is the reason. */
function parseDeduction(args: string, lang: Lang): Command {
  const words = cleanInput(args).split(' ').filter(Boolean);
  const first = words.length > 0 ? parseAmount(words[0]!) : null;
  if (first !== null) return { kind: 'deduct', lang, amountSatang: first, reason: words.slice(1).join(' ') };
  const last = words.length > 1 ? parseAmount(words[words.length - 1]!) : null;
  if (last !== null) return { kind: 'deduct', lang, amountSatang: last, reason: words.slice(0, -1).join(' ') };
  return { kind: 'deduct', lang, amountSatang: null, reason: words.join(' ') };
}

export function parseCommand(input: string): Command {
  const text = cleanInput(input);
  if (!text) return { kind: 'empty', lang: 'th' };
  const split = splitCommand(text);
  if (!split) return { kind: 'find', lang: detectLang(text), query: text, implicit: true };
  const { keyword, args } = split;
  const lang = keyword.lang;
  switch (keyword.command) {
    case 'help':
      return { kind: 'help', lang };
    case 'slips':
      return { kind: 'slips', lang };
    case 'overdue':
      return { kind: 'overdue', lang, query: args };
    case 'enrol':
      return { kind: 'enrol', lang, code: args };
    case 'find':
      return { kind: 'find', lang, query: args, implicit: false };
    case 'link':
    case 'remind':
    case 'revoke':
      return { kind: keyword.command, lang, target: parseTarget(args) };
    case 'stage':
      return parseStageArgs(args, lang);
    case 'pay':
      return { kind: 'pay', lang, ...parseMoneyArgs(args, 'INV') };
    case 'collectDeposit':
      return { kind: 'collectDeposit', lang, ...parseMoneyArgs(args, 'DEP') };
    case 'returnDeposit': {
      const { number, wrongPrefix } = parseMoneyArgs(args, 'DEP');
      return { kind: 'returnDeposit', lang, number, wrongPrefix };
    }
    case 'deduct':
      return parseDeduction(args, lang);
  }
}

/** The commands shown by `help`, in the language asked. */
export const HELP_COMMANDS: Record<Lang, { command: string; description: string }[]> = {
  th: [
    { command: 'ค้นหา <ชื่อ / เบอร์ / อีเมล / เลขเอกสาร>', description: 'ค้นหาลูกค้า (พิมพ์ชื่อผิดนิดหน่อยก็เจอ)' },
    { command: 'ลิงก์ <ชื่อ / เลขใบเสนอราคา / เลขใบแจ้งหนี้>', description: 'สร้างลิงก์พอร์ทัล ส่งให้ลูกค้าหรือคัดลอกไปส่งต่อ' },
    { command: 'เตือน <เลขใบแจ้งหนี้>', description: 'ส่งแจ้งเตือนชำระเงินให้ลูกค้า' },
    { command: 'ค้างชำระ', description: 'ใบแจ้งหนี้เกินกำหนด เก่าสุดก่อน' },
    { command: 'สถานะ <เลขงาน> [สถานะใหม่]', description: 'เปลี่ยนสถานะงาน ลูกค้าเห็นทันที' },
    { command: 'ยกเลิกลิงก์ <ชื่อ>', description: 'ยกเลิกลิงก์ทั้งหมดของลูกค้า' },
    { command: 'สลิป', description: 'สลิปที่ลูกค้าส่งมา รอตรวจ ยืนยันหรือปฏิเสธ' },
    { command: 'รับเงิน <เลขใบแจ้งหนี้> <จำนวน> [เงินสด/โอน/เช็ค/บัตร]', description: 'บันทึกรับชำระเงิน (ยืนยันก่อนบันทึก) ออกใบเสร็จให้ลูกค้า' },
    { command: 'รับเงินประกัน <เลขเงินประกัน> <จำนวน>', description: 'บันทึกรับเงินประกัน ออกใบรับเงินประกัน' },
    { command: 'คืนเงินประกัน <เลขเงินประกัน>', description: 'คืนเงินประกัน: พิมพ์ "หัก <จำนวน> <เหตุผล>" ทีละรายการ แล้วพิมพ์ "คืน"' },
    { command: 'ช่วยเหลือ', description: 'แสดงรายการคำสั่ง' },
  ],
  en: [
    { command: 'find <name / phone / email / doc no.>', description: 'Find a customer (small typos are fine)' },
    { command: 'link <name / quote no. / invoice no.>', description: 'Portal link to send to the client or copy' },
    { command: 'remind <invoice no.>', description: 'Send the client a payment reminder' },
    { command: 'overdue', description: 'Overdue invoices, oldest first' },
    { command: 'stage <job no.> [new stage]', description: 'Move a job; the client sees it live' },
    { command: 'revoke <name>', description: "Revoke all of a customer's links" },
    { command: 'slips', description: 'Payment slips waiting for review: confirm or reject' },
    { command: 'paid <invoice no.> <amount> [cash/transfer/cheque/card]', description: 'Record a payment (you confirm first); the client gets the receipt' },
    { command: 'deposit <deposit no.> <amount>', description: 'Record a security deposit collected' },
    { command: 'return <deposit no.>', description: 'Return a deposit: type "deduct <amount> <reason>" per deduction, then "done"' },
    { command: 'help', description: 'This list' },
  ],
};
