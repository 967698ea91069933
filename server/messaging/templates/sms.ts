/**
 * SMS: the bare link first (so it is never cut and phones make it tappable), then the business's
 * short sender name and the message's one-line summary (the same words as email and LINE).
 * A Thai SMS travels as UCS-2: 70 characters fit one segment, 67 per segment once split, so two
 * segments hold 134. The summary is shortened to what is left after the link and the name, so an
 * SMS never costs more than two segments.
 */
import { messageDocument } from './copy.ts';
import { buttonUrl, type MessageContent } from '../message-content.ts';

/** The most segments one client SMS may cost. */
export const SMS_MAX_SEGMENTS = 2;
/** What a business's SMS sender name may be (the length of an alphanumeric sender id). */
export const SMS_SENDER_MAX = 11;

// GSM 03.38 basic set and extension table (the extension characters count twice).
const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

/** Characters (septets, or UTF-16 units for UCS-2) an SMS of `segments` segments can hold. */
function capacity(ucs2: boolean, segments: number): number {
  if (ucs2) return segments === 1 ? 70 : 67 * segments;
  return segments === 1 ? 160 : 153 * segments;
}

function isGsm(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.includes(ch) && !GSM_EXTENDED.includes(ch)) return false;
  return true;
}

function units(text: string, ucs2: boolean): number {
  if (ucs2) return text.length;
  let n = 0;
  for (const ch of text) n += GSM_EXTENDED.includes(ch) ? 2 : 1;
  return n;
}

/** How many segments a carrier bills for this text. */
export function smsSegments(text: string): number {
  const ucs2 = !isGsm(text);
  const length = units(text, ucs2);
  if (length <= capacity(ucs2, 1)) return 1;
  return Math.ceil(length / (ucs2 ? 67 : 153));
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** At most `max` units, cut between graphemes (a Thai vowel or tone mark stays on its consonant). */
function cut(text: string, max: number, ucs2: boolean, ellipsis: string): string {
  if (units(text, ucs2) <= max) return text;
  let out = '';
  const room = max - units(ellipsis, ucs2);
  for (const { segment } of graphemes.segment(text)) {
    if (units(out + segment, ucs2) > room) break;
    out += segment;
  }
  return `${out.trimEnd()}${ellipsis}`;
}

const LEGAL_FORM =
  /^(?:บริษัท|บจก\.|หจก\.|ห้างหุ้นส่วนจำกัด|ห้างหุ้นส่วนสามัญ|ร้าน)\s*|\s*(?:จำกัด\s*\(มหาชน\)|จำกัด|\(มหาชน\)|(?:Co\.,?\s*)?Ltd\.?|Company\s+Limited|Limited|Inc\.?|PCL\.?)\s*$/giu;

/**
 * The name an SMS opens with: the business's own short sender name, else its name without the
 * legal form ("บริษัท … จำกัด", "Co., Ltd.") and cut to whole words within 11 characters.
 */
export function smsSender(content: Pick<MessageContent, 'businessName' | 'smsSenderName'>): string {
  const own = content.smsSenderName?.replace(/\s+/g, ' ').trim();
  if (own) return own;
  const name = content.businessName.replace(/\s+/g, ' ').trim();
  const bare = name.replace(LEGAL_FORM, '').trim() || name;
  let out = '';
  for (const word of bare.split(' ')) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > SMS_SENDER_MAX) break;
    out = next;
  }
  return out || cut(bare, SMS_SENDER_MAX, true, '');
}

export function renderSms(content: MessageContent): string {
  // A notice with no portal link (a LINE account was connected) opens with the sender name.
  const head = content.kind === 'line_connected' ? `${smsSender(content)}: ` : `${buttonUrl(content, 'sms')} ${smsSender(content)}: `;
  const summary = messageDocument(content, 'sms').summary.replace(/\s+/g, ' ').trim();
  const ucs2 = !isGsm(head + summary);
  const room = capacity(ucs2, SMS_MAX_SEGMENTS) - units(head, ucs2);
  // '…' is not in the GSM alphabet: an English SMS ends in '...' so it stays GSM-7.
  return head + cut(summary, Math.max(room, 0), ucs2, ucs2 ? '…' : '...');
}
