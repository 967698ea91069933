/**
 * GET /business-logo/<sha256>.png: the logo for the portal and the staff app. Public (the logo is
 * printed on every document anyway) and token-free, so it is cached for good: a new logo has a
 * new fingerprint, hence a new URL. An old fingerprint is a 404, never the new picture.
 */
import { Router } from 'express';
import type { AppContext } from '../services/context.ts';
import { findBusinessLogo } from '../services/business-logo.ts';

export function businessLogoRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/business-logo/:file', async (req, res) => {
    const match = /^([0-9a-f]{64})\.png$/.exec(String(req.params.file));
    const logo = match ? await findBusinessLogo(ctx.db) : null;
    if (!logo || logo.sha256 !== match?.[1]) {
      res.status(404).setHeader('Cache-Control', 'no-store').type('text/plain').send('No such logo');
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type('image/png').send(Buffer.from(logo.png));
  });
  return router;
}
