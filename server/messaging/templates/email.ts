/**
 * Email body: HTML (table layout and inline styles, which is what mail apps render reliably) and
 * plain text, both drawn from the same MessageDocument. Every value is HTML-escaped.
 */
import type { MessageContent } from '../message-content.ts';
import { messageDocument, type MessageDocument, type Tone } from './copy.ts';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
/** The one HTML escaper: email, the operator's outbox page and the Flex preview all use it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

const TONE_COLOR: Record<Tone, string> = { default: '#111111', success: '#06894a', warning: '#b45309', danger: '#c62828' };
const FONT = "'Sarabun','Noto Sans Thai','Leelawadee UI',Tahoma,Arial,sans-serif";

/** Subjects are one line; a stray newline in a customer-supplied name must not break headers. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

export function renderEmail(content: MessageContent): RenderedEmail {
  const doc = messageDocument(content);
  return { subject: oneLine(doc.subject), html: toHtml(doc), text: toText(doc) };
}

function toHtml(doc: MessageDocument): string {
  const facts = doc.facts
    .map(
      (f) =>
        `<tr><td style="padding:4px 0;color:#6b7280;font-size:14px;vertical-align:top">${escapeHtml(f.label)}</td>` +
        `<td style="padding:4px 0 4px 16px;text-align:right;font-size:14px;color:${TONE_COLOR[f.tone ?? 'default']};font-weight:${f.tone && f.tone !== 'default' ? 700 : 400}">${escapeHtml(f.value)}</td></tr>`,
    )
    .join('');
  const highlight = doc.highlight
    ? `<p style="margin:16px 0 0;font-size:13px;color:#6b7280">${escapeHtml(doc.highlight.label)}</p>` +
      `<p style="margin:2px 0 12px;font-size:28px;font-weight:700;color:${TONE_COLOR[doc.highlight.tone]}">${escapeHtml(doc.highlight.value)}</p>`
    : '';
  const badge = doc.badge
    ? `<p style="margin:0 0 8px;font-size:13px;font-weight:700;color:${TONE_COLOR[doc.badge.tone]}">${escapeHtml(doc.badge.text)}</p>`
    : '';
  const note = doc.note ? `<p style="margin:16px 0 0;font-size:13px;color:#6b7280;white-space:pre-line">${escapeHtml(doc.note)}</p>` : '';
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:${FONT}">
<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(doc.preheader)}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#ffffff;border-radius:12px">
<tr><td style="padding:20px 24px 8px;border-bottom:1px solid #e5e7eb">
<p style="margin:0;font-size:13px;color:#6b7280">${escapeHtml(doc.businessName)}</p>
<h1 style="margin:4px 0 8px;font-size:20px;color:#111111">${escapeHtml(doc.title)}</h1>
${badge}</td></tr>
<tr><td style="padding:16px 24px 24px;color:#111111">
<p style="margin:0 0 8px;font-size:15px">${escapeHtml(doc.greeting)}</p>
<p style="margin:0;font-size:15px;line-height:1.6">${escapeHtml(doc.intro)}</p>
${highlight}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin-top:8px;border-top:1px solid #e5e7eb">${facts}</table>
${note}${doc.button ? buttonHtml(doc.button) : ''}</td></tr>
</table>
<p style="max-width:520px;margin:12px auto 0;font-size:12px;color:#9ca3af;line-height:1.5">${escapeHtml(doc.footer)}</p>
</td></tr>
</table>
</body>
</html>
`;
}

function buttonHtml(button: { label: string; url: string }): string {
  return `<p style="margin:24px 0 8px;text-align:center"><a href="${escapeHtml(button.url)}" style="display:inline-block;padding:12px 28px;background:#06c755;color:#ffffff;border-radius:8px;font-size:16px;font-weight:700;text-decoration:none">${escapeHtml(button.label)}</a></p>
<p style="margin:8px 0 0;font-size:12px;color:#9ca3af;text-align:center;word-break:break-all">${escapeHtml(button.url)}</p>
`;
}

function toText(doc: MessageDocument): string {
  const lines = [doc.businessName, doc.title, '', doc.greeting, doc.intro, ''];
  if (doc.highlight) lines.push(`${doc.highlight.label}: ${doc.highlight.value}`);
  for (const fact of doc.facts) lines.push(`${fact.label}: ${fact.value}`);
  if (doc.note) lines.push('', doc.note);
  if (doc.button) lines.push('', `${doc.button.label}:`, doc.button.url);
  lines.push('', '--', doc.footer, '');
  return lines.join('\n');
}
