/** GET /api/staff/refund-qr/<depositId>/<satang>.png?e=&s= — the signed refund QR (services/refund-qr.ts). */
import { Router } from 'express';
import type { AppContext } from '../../services/context.ts';
import { asyncHandler } from '../errors.ts';
import { refundQrPng } from '../../services/refund-qr.ts';

export function refundQrRouter(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/:depositId/:file',
    asyncHandler(async (req, res) => {
      const amount = /^(\d{1,15})\.png$/.exec(String(req.params.file))?.[1];
      const qr = await refundQrPng(ctx, {
        depositId: String(req.params.depositId).slice(0, 64),
        amountSatang: amount ? Number(amount) : 0,
        expiresMs: Number(req.query.e),
        signature: typeof req.query.s === 'string' ? req.query.s.slice(0, 100) : '',
      });
      res.setHeader('Cache-Control', 'private, no-store');
      res.type('png').send(qr.png);
    }),
  );
  return router;
}
