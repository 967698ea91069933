import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../services/context.ts';
import { requestFreshLink } from '../../services/request-fresh-link.ts';
import { accessMeta } from './request-meta.ts';

/** POST /api/portal/recover {token}: always 202 with the same body, work done after answering. */
export function recoverRoute(ctx: AppContext): RequestHandler {
  return (req, res) => {
    const parsed = z.object({ token: z.string().max(200) }).safeParse(req.body);
    res.status(202).json({ ok: true });
    if (!parsed.success) return;
    const meta = accessMeta(req);
    setImmediate(() => {
      requestFreshLink(ctx, parsed.data.token, meta).catch((err: Error) => ctx.logger.error({ err: err.message }, 'recover failed'));
    });
  };
}
