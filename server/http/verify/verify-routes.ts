/**
 * Public verification of signed quotes, no token needed:
 * - GET /verify: a plain page (Thai/English) with a file input and a SHA-256 input, posting a
 *   multipart form back to /verify, which answers with the same page and the result. No script.
 * - POST /api/verify: multipart `file` (PDF ≤ 10 MB), a raw application/pdf body, or JSON
 *   `{ sha256 }` → { known, documentId?, quoteNumber?, signedAt?, signerName?, unchanged, seal? }.
 * Rate-limited per IP: it answers questions about any file, so it must not become an oracle.
 */
import { createHash } from 'node:crypto';
import express, { Router, type Request } from 'express';
import { sharedRateLimit } from '../portal/rate-limits.ts';
import type { AppContext } from '../../services/context.ts';
import { verifySignedQuote, type VerifyAnswer } from '../../services/verify-signed-quote.ts';
import { clientError, DomainError } from '../../domain/errors.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { asyncHandler } from '../errors.ts';
import { parseMultipart } from './multipart.ts';

const MAX_PDF = '10mb';
const MAX_PDF_BYTES = 10 * 1024 * 1024;

const STYLE = [
  'body{font-family:Sarabun,"Noto Sans Thai",Tahoma,Arial,sans-serif;margin:0;background:#f3f4f6;color:#111}',
  'main{max-width:560px;margin:24px auto;padding:20px;background:#fff;border-radius:12px}',
  'h1{font-size:20px;margin:0 0 8px}p{line-height:1.6}label{display:block;margin:16px 0 4px;font-weight:700}',
  'input[type=text]{width:100%;box-sizing:border-box;padding:8px;font-family:monospace}',
  'button{margin-top:16px;padding:10px 24px;background:#06c755;color:#fff;border:0;border-radius:8px;font-size:16px}',
  '.ok{border-left:4px solid #06894a;padding:8px 12px;background:#ecfdf5}.bad{border-left:4px solid #c62828;padding:8px 12px;background:#fef2f2}',
  'dt{color:#6b7280;font-size:13px}dd{margin:0 0 8px}',
].join('');
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function resultHtml(answer: VerifyAnswer | null, error: string | null): string {
  if (error) return `<p class="bad" role="alert">${esc(error)}</p>`;
  if (!answer) return '';
  if (!answer.known) {
    return `<div class="bad" role="status"><p><strong>ไม่พบเอกสารนี้ หรือเอกสารถูกแก้ไข / Not a document signed here, or it was changed.</strong></p><p>ไฟล์ที่ถูกแก้ไขแม้เพียงหนึ่งไบต์จะไม่ตรงกับต้นฉบับ / A file changed by even one byte no longer matches the original.</p></div>`;
  }
  const at = new Date(answer.signedAt!);
  return `<div class="ok" role="status"><p><strong>เอกสารนี้ลงนามที่นี่และไม่มีการแก้ไข / Signed here and unchanged.</strong></p><dl>
<dt>ใบเสนอราคา / Quote</dt><dd>${esc(answer.quoteNumber)}</dd>
<dt>ผู้ลงนาม / Signed by</dt><dd>${esc(answer.signerName)}</dd>
<dt>เวลาที่ลงนาม / Signed at</dt><dd>${esc(formatDateTime(at, 'th'))} · ${esc(formatDateTime(at, 'en'))}</dd>
</dl></div>`;
}

function page(answer: VerifyAnswer | null, error: string | null): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>ตรวจสอบใบเสนอราคาที่ลงนาม / Verify a signed quote</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>ตรวจสอบใบเสนอราคาที่ลงนาม<br>Verify a signed quote</h1>
<p>เลือกไฟล์ PDF ที่ได้รับ หรือวางค่า SHA-256 ของไฟล์ เพื่อดูว่าเป็นเอกสารที่ลงนามที่นี่และไม่ถูกแก้ไข<br>Choose the PDF you received, or paste its SHA-256, to check it was signed here and has not been changed.</p>
${resultHtml(answer, error)}
<form method="post" action="/verify" enctype="multipart/form-data">
<label for="file">ไฟล์ PDF / PDF file</label>
<input id="file" name="file" type="file" accept="application/pdf,.pdf">
<label for="sha256">หรือ SHA-256 / or SHA-256</label>
<input id="sha256" name="sha256" type="text" inputmode="latin" autocomplete="off" spellcheck="false" maxlength="64" pattern="[0-9a-fA-F]{64}">
<button type="submit">ตรวจสอบ / Verify</button>
</form>
</main>
</body>
</html>
`;
}

/** The file or hash from any of the accepted request shapes. */
function readInput(req: Request): { pdf: Buffer | null; sha256: unknown } {
  const type = req.get('content-type') ?? '';
  if (Buffer.isBuffer(req.body) && /^multipart\/form-data/i.test(type)) {
    const parts = parseMultipart(req.body, type);
    if (!parts) throw clientError('VALIDATION', { th: 'ข้อมูลฟอร์มไม่ถูกต้อง', en: 'the form could not be read' }, { field: 'file' });
    const file = parts.find((p) => p.name === 'file' && p.data.length > 0);
    const hash = parts.find((p) => p.name === 'sha256');
    return { pdf: file?.data ?? null, sha256: hash?.data.toString('utf8') };
  }
  if (Buffer.isBuffer(req.body) && /^application\/pdf/i.test(type)) return { pdf: req.body, sha256: undefined };
  const json = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as Record<string, unknown>) : {};
  return { pdf: null, sha256: json.sha256 };
}

export function verifyRouter(ctx: AppContext): Router {
  const router = Router();
  const limit = sharedRateLimit(ctx, 'verify', { windowMs: 60_000, limit: 20 });
  const raw = express.raw({ type: ['multipart/form-data', 'application/pdf'], limit: MAX_PDF });
  const json = express.json({ limit: '4kb' });
  const headers = (_req: Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-store');
    next();
  };

  router.get('/verify', headers, (_req, res) => {
    res.type('html').send(page(null, null));
  });

  router.post(
    '/verify',
    headers,
    limit,
    raw,
    asyncHandler(async (req, res) => {
      try {
        const input = readInput(req);
        if (input.pdf && input.pdf.length > MAX_PDF_BYTES)
          throw clientError('VALIDATION', { th: 'ไฟล์ใหญ่เกิน 10 MB', en: 'file is larger than 10 MB' }, { field: 'file' });
        res.type('html').send(page(await verifySignedQuote(ctx, input), null));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const m = error.details?.clientMessages;
        res
          .status(400)
          .type('html')
          .send(page(null, m ? `${m.th} / ${m.en}` : error.message));
      }
    }),
  );

  router.post(
    '/api/verify',
    limit,
    raw,
    json,
    asyncHandler(async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await verifySignedQuote(ctx, readInput(req)));
    }),
  );
  return router;
}
