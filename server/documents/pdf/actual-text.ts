/**
 * Copy, search and text extraction read a PDF through each glyph's ToUnicode entry, one
 * glyph at a time. Shaped Thai does not map back that way: Sarabun draws ำ (sara am) as
 * nikhahit + sara aa, and a tone mark over it is a ligature glyph placed before the aa,
 * so a reader would find "จํากัด" (or scrambled marks in bold), never "จำกัด". PDF's answer
 * is a marked-content span with /ActualText: readers use the given string for the glyphs
 * inside it (PDF 32000-1, 14.9.4).
 *
 * The span goes inside pdfkit's text object (after BT, before ET), not around doc.text():
 * pdfkit draws text under its own q … cm … Q, and a span closed after that Q is measured
 * by poppler in the wrong coordinate system (flipped, zero height), which scrambles
 * layout-mode extraction. Content-stream strings are not encrypted on their own (the
 * stream is), so the hex string is written as is.
 */

/** The ActualText value as a PDF hex string: UTF-16BE with a byte-order mark. */
export function actualTextHex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Text whose glyphs already read back as written (no Thai shaping involved). */
const NEEDS_ACTUAL_TEXT = /[\u0E00-\u0E7F]/u;

type ContentWriter = (data: string) => PDFKit.PDFDocument;

/**
 * Draws one line without line breaking (like doc.text with lineBreak: false) so that it
 * extracts as `text`. `text` is one line (wrapText's output).
 */
export function drawSearchableText(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  if (!NEEDS_ACTUAL_TEXT.test(text)) {
    doc.text(text, x, y, { lineBreak: false });
    return;
  }
  const host = doc as unknown as { addContent: ContentWriter };
  const write = host.addContent;
  const span = `/Span <</ActualText ${actualTextHex(text)}>> BDC`;
  // One span, around the first text object only: should a newline ever reach here, pdfkit
  // draws one text object per line and the text would otherwise extract once per line.
  let state: 'before' | 'open' | 'closed' = 'before';
  host.addContent = (data: string): PDFKit.PDFDocument => {
    if (data === 'ET' && state === 'open') {
      write.call(doc, 'EMC');
      state = 'closed';
    }
    const result = write.call(doc, data);
    if (data === 'BT' && state === 'before') {
      write.call(doc, span);
      state = 'open';
    }
    return result;
  };
  try {
    doc.text(text, x, y, { lineBreak: false });
  } finally {
    host.addContent = write;
  }
}
