/**
 * The portal's HTML: the Vite-built index.html with the view embedded as JSON, so the first paint
 * needs no second request. JSON is made safe for an HTML script element by escaping '<', and
 * U+2028/2029; it sits in a type="application/json" element, which the CSP does not execute.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export const PORTAL_DIST = path.resolve(import.meta.dirname, '../../../dist/liff');

export function escapeJsonForHtml(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export class PortalHtml {
  readonly #head: string;
  readonly #tail: string;

  constructor(template: string) {
    const at = template.indexOf('</head>');
    if (at < 0) throw new Error('portal template has no </head>');
    this.#head = template.slice(0, at);
    this.#tail = template.slice(at);
  }

  /** `page`: the portal (index.html) or the staff app (staff.html), both built by vite.config.ts. */
  static load(dist = PORTAL_DIST, page = 'index.html'): PortalHtml {
    const file = path.join(dist, page);
    if (!existsSync(file)) {
      return new PortalHtml(
        '<!doctype html><html><head><meta charset="utf-8"><title>Portal</title></head><body><p>The app is not built. Run <code>npm run build</code>.</p></body></html>',
      );
    }
    return new PortalHtml(readFileSync(file, 'utf8'));
  }

  render(dataJson: string | null, opts: { liffId?: string | null; lang?: 'th' | 'en' } = {}): string {
    const meta = opts.liffId ? `<meta name="liff-id" content="${escapeAttr(opts.liffId)}">` : '';
    const data = dataJson === null ? '' : `<script type="application/json" id="portal-data">${escapeJsonForHtml(dataJson)}</script>`;
    const head = opts.lang === 'en' ? this.#head.replace('<html lang="th"', '<html lang="en"') : this.#head;
    return head + meta + data + this.#tail;
  }
}
