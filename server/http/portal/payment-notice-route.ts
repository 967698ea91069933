/**
 * POST /api/portal/<token>/payment-notices (multipart): `target`, `amountSatang`, `slip`, optional
 * `withholdingCertificate`. 201 with the new notice, 200 with the first one when the same slip is
 * sent again. Files are held in memory (5 MB each at most) and never touch the disk unless the
 * notice is accepted; their type is decided from their bytes by the use case.
 * POST /api/portal/<token>/payment-notices/<noticeId>/withholding-certificate (multipart:
 * `withholdingCertificate`): the 50 ทวิ sent later, 200 `{ id, withholdingCertificate: true }`.
 */
import type { Request, Response, Router, RequestHandler } from 'express';
import multer from 'multer';
import type { AppContext } from '../../services/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseFormSatang } from '../../domain/payment-notice.ts';
import { MAX_UPLOAD_BYTES } from '../../payments/sniff-upload.ts';
import { submitPaymentNotice } from '../../portal/submit-payment-notice.ts';
import { attachWithholdingCertificate } from '../../portal/attach-withholding-certificate.ts';
import { accessMeta } from './request-meta.ts';
import type { ResolvedLink } from '../../services/links.ts';

/** portal-api.ts's token check (passed in, so the two files do not import each other). */
type WithLink = (handler: (req: Request, res: Response, link: ResolvedLink) => Promise<void>) => RequestHandler;

const FILE_FIELDS = [
  { name: 'slip', maxCount: 1 },
  { name: 'withholdingCertificate', maxCount: 1 },
];

/** multer's own errors (a file too large, an unknown field) become our one error shape. */
function uploads(fields = FILE_FIELDS): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: fields.length, fields: 4, fieldSize: 1024, parts: 8, headerPairs: 50 },
  }).fields(fields);
  return (req, res, next) => {
    parse(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        const field = err.field ?? 'body';
        if (err.code === 'LIMIT_FILE_SIZE')
          return next(new DomainError('PAYLOAD_TOO_LARGE', `${field} is larger than 5 MB`, { field, reason: 'file_too_large' }));
        return next(new DomainError('VALIDATION', `${field}: ${err.message}`, { field }));
      }
      // A body that is not multipart at all, or a broken one.
      next(new DomainError('VALIDATION', 'send the form as multipart/form-data with target, amountSatang and slip', { field: 'body' }));
    });
  };
}

export function registerPaymentNoticeRoute(ctx: AppContext, tokenRouter: Router, withLink: WithLink): void {
  tokenRouter.post(
    '/payment-notices',
    uploads(),
    withLink(async (req, res, link) => {
      if (!req.is('multipart/form-data'))
        throw new DomainError('VALIDATION', 'send the form as multipart/form-data with target, amountSatang and slip', { field: 'body' });
      const files = (req.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const result = await submitPaymentNotice(ctx, {
        link,
        target: body.target,
        amountSatang: parseFormSatang(body.amountSatang, 'amountSatang'),
        slip: files.slip?.[0]?.buffer ?? null,
        withholdingCertificate: files.withholdingCertificate?.[0]?.buffer ?? null,
        meta: accessMeta(req),
      });
      res.status(result.created ? 201 : 200).json(result.notice);
    }),
  );

  tokenRouter.post(
    '/payment-notices/:noticeId/withholding-certificate',
    uploads([{ name: 'withholdingCertificate', maxCount: 1 }]),
    withLink(async (req, res, link) => {
      if (!req.is('multipart/form-data'))
        throw new DomainError('VALIDATION', 'send the form as multipart/form-data with withholdingCertificate', { field: 'body' });
      const files = (req.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
      const result = await attachWithholdingCertificate(ctx, {
        link,
        noticeId: String(req.params.noticeId),
        certificate: files.withholdingCertificate?.[0]?.buffer ?? null,
        meta: accessMeta(req),
      });
      res.status(200).json(result);
    }),
  );
}
