/**
 * GET /s/<notice id>/<expiry>/<HMAC>: a payment slip for LINE (Flex images must be public https
 * URLs). Only a URL signed by the server opens it (services/slip-urls.ts), only that one file,
 * and nothing keeps a copy: LINE fetches it once, staff open it from the card.
 */
import { Router } from 'express';
import type { AppContext } from '../services/context.ts';
import { slipBySignedUrl } from '../services/slip-urls.ts';
import { asyncHandler } from './errors.ts';

export function slipUrlRouter(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/:noticeId/:expires/:signature',
    asyncHandler(async (req, res) => {
      const params = req.params as Record<string, string>;
      const file = await slipBySignedUrl(ctx, { noticeId: params['noticeId']!, expires: params['expires']!, signature: params['signature']! });
      res.set({
        'Content-Type': file.mimeType,
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Content-Length': String(file.bytes.byteLength),
      });
      res.end(file.bytes);
    }),
  );
  return router;
}
