/**
 * The one place that maps DomainError codes to HTTP statuses and to Thai/English messages for
 * clients. Anything that is not a DomainError is a bug: logged, answered with a bare 500.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import { clientMessages } from '../domain/error-messages.ts';
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
  PAYLOAD_TOO_LARGE: 413,
  DUPLICATE_SLIP: 409,
  UNAVAILABLE: 503,
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
  // A use case may give the client a sentence of its own (`clientMessages`); else the reason's or the code's.
  const { clientMessages: given, ...details } = error.details ?? {};
  return {
    error: {
      code: error.code,
      message,
      ...details,
      messages: (given as { th: string; en: string } | undefined) ?? clientMessages(error),
    },
  };
}

/** The one 404 body for paths nothing answers: it never echoes the path (which may hold a token). */
export const notFoundJson = errorBody(new DomainError('NOT_FOUND', 'Not found'));

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json(notFoundJson);
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const route = req.route?.path;
    if (res.headersSent) {
      // Part of a body (a ZIP, a stream) is already out: no status can be sent any more. Cut the
      // connection so the client sees a failed download, never a truncated file that hangs.
      logger.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err), route }, 'response aborted after it started');
      res.destroy();
      return;
    }
    let error: unknown = err;
    if (err instanceof ZodError) error = fromZod(err);
    // body-parser / express errors for malformed JSON and oversized bodies.
    const status = (err as { status?: number; type?: string })?.status;
    if (!(error instanceof DomainError) && status && status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      error =
        status === 413 || type === 'entity.too.large'
          ? new DomainError('PAYLOAD_TOO_LARGE', 'request body is too large', { field: 'body' })
          : new DomainError('VALIDATION', type === 'entity.parse.failed' ? 'request body is not valid JSON' : 'bad request', { field: 'body' });
    }
    if (error instanceof DomainError) {
      res.status(STATUS_BY_CODE[error.code]).json(errorBody(error));
      return;
    }
    logger.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err), route }, 'unhandled error');
    res.status(500).json({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side',
        messages: { th: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง', en: 'Something went wrong; please try again' },
      },
    });
  };
}

/** Wraps an async handler so rejections reach the error handler. */
export function asyncHandler(fn: (...args: Parameters<RequestHandler>) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    fn(req, res, next).catch(next);
  };
}
