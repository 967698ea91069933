/**
 * Portal pages are large for big customers (hundreds of invoices) and clients are on mobile data,
 * so bodies go out gzipped. Compressing is the expensive part of a page view, so the compressed
 * bytes are kept per content key (portal/open-portal.ts: same key ⇒ same text) for reuse.
 */
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

interface Entry {
  raw: Buffer;
  gzip: Buffer;
}

export class CompressedResponses {
  readonly #entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  constructor(maxEntries = 500) {
    this.maxEntries = maxEntries;
  }

  send(req: Request, res: Response, key: string, contentType: string, render: () => string): void {
    let entry = this.#entries.get(key);
    if (!entry) {
      const raw = Buffer.from(render(), 'utf8');
      entry = { raw, gzip: gzipSync(raw, { level: 6 }) };
      if (this.#entries.size >= this.maxEntries) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      this.#entries.set(key, entry);
    }
    res.setHeader('Content-Type', contentType);
    res.setHeader('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(entry.gzip);
    } else {
      res.end(entry.raw);
    }
  }
}
