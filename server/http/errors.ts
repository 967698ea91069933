/**
 * The one place that maps DomainError codes to HTTP statuses and to Thai/English messages for
 * clients. Anything that is not a DomainError is a bug: logged, answered with a bare 500.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import type { Logger } from '../logger.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  EXPIRED: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** Short messages a client (not staff) may see, in both languages. */
export const CLIENT_MESSAGES: Record<ErrorCode, { th: string; en: string }> = {
  VALIDATION: { th: 'ข้อมูลไม่ถูกต้อง', en: 'Some information is not valid' },
  UNAUTHORIZED: { th: 'ไม่ได้รับอนุญาต', en: 'Not authorised' },
  FORBIDDEN: { th: 'ไม่มีสิทธิ์เข้าถึง', en: 'Not allowed' },
  NOT_FOUND: { th: 'ไม่พบข้อมูล', en: 'Not found' },
  CONFLICT: { th: 'รายการนี้มีการเปลี่ยนแปลงแล้ว กรุณาโหลดหน้าใหม่', en: 'This has already changed; please reload' },
  GONE: { th: 'ลิงก์นี้ใช้ไม่ได้แล้ว', en: 'This link is no longer available' },
  EXPIRED: { th: 'รายการนี้หมดอายุแล้ว', en: 'This has expired' },
  UNPROCESSABLE: { th: 'ไม่สามารถดำเนินการกับรายการนี้ได้', en: 'This item cannot be processed' },
  RATE_LIMITED: { th: 'มีการใช้งานถี่เกินไป กรุณารอสักครู่', en: 'Too many requests; please wait a moment' },
  UNAVAILABLE: { th: 'ระบบยังไม่พร้อมใช้งาน', en: 'Not available right now' },
};

/** Turns zod's issues into our one error shape, naming the first offending field. */
export function fromZod(error: ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue ? issue.path.join('.') : undefined;
  const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'invalid input';
  return new DomainError('VALIDATION', message, { field, issues: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) });
}

export function errorBody(error: DomainError) {
  const field = error.details?.field;
  // Every 4xx names what is wrong; domain messages are written for people, so add the field
  // name when the sentence does not already contain it.
  const message = field && !error.message.includes(field) ? `${field}: ${error.message}` : error.message;
  const { clientMessages, ...details } = error.details ?? {};
  return {
    error: {
      code: error.code,
      message,
      ...details,
      messages: clientMessages ?? CLIENT_MESSAGES[error.code],
    },
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let error: unknown = err;
    if (err instanceof ZodError) error = fromZod(err);
    // body-parser / express errors for malformed JSON and oversized bodies.
    const status = (err as { status?: number; type?: string })?.status;
    if (!(error instanceof DomainError) && status && status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      error = new DomainError(
        status === 413 ? 'VALIDATION' : 'VALIDATION',
        type === 'entity.too.large' ? 'request body is too large' : type === 'entity.parse.failed' ? 'request body is not valid JSON' : 'bad request',
        { field: 'body' },
      );
    }
    if (error instanceof DomainError) {
      res.status(STATUS_BY_CODE[error.code]).json(errorBody(error));
      return;
    }
    logger.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err), route: req.route?.path }, 'unhandled error');
    if (res.headersSent) return;
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side', messages: { th: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง', en: 'Something went wrong; please try again' } } });
  };
}

/** Wraps an async handler so rejections reach the error handler. */
export function asyncHandler(fn: (...args: Parameters<RequestHandler>) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    fn(req, res, next).catch(next);
  };
}
