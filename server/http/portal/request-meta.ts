import type { Request } from 'express';
import type { AccessMeta } from '../../services/activity.ts';

/** Where a portal request came from, for the access log. The app marks LIFF calls with a header. */
export function accessMeta(req: Request): AccessMeta {
  const liff = req.get('x-portal-channel') === 'liff' || req.path.startsWith('/liff');
  return { channel: liff ? 'liff' : 'web', ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}
