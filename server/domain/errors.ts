/**
 * The one error type for expected failures (bad input, missing record, wrong state…).
 * Transports map `code` to an HTTP status and a Thai/English message in one place;
 * anything that is not a DomainError is a bug and becomes a 500 without details.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'GONE'
  /** The record's time ran out (a quote past its valid-until day): distinct from a plain conflict. */
  | 'EXPIRED'
  /** Well-formed, but what it names cannot be processed (e.g. a stored message that no longer renders). */
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  /** A payment slip whose bank transaction reference was already used by another notice or payment. */
  | 'DUPLICATE_SLIP'
  | 'UNAVAILABLE';

export interface ErrorDetails {
  /** Name of the offending input field, so a 4xx can point at it. */
  field?: string;
  /** What a client reads, when the generic message of the code says too little. */
  clientMessages?: ClientMessages;
  [key: string]: unknown;
}

export interface ClientMessages {
  th: string;
  en: string;
}

export class DomainError extends Error {
  // Declared fields rather than constructor parameter properties, so the file stays
  // valid for type-stripping runtimes that only erase annotations.
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

// The helpers return (not throw) the error so call sites read `throw validation(...)`
// and control flow stays visible to the reader and to TypeScript.
export function validation(field: string, message: string): DomainError {
  return new DomainError('VALIDATION', message, { field });
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`, { what });
}

export function conflict(message: string, details?: ErrorDetails): DomainError {
  return new DomainError('CONFLICT', message, details);
}

/** A client-facing refusal with its own Thai/English sentence (the English one is also the message). */
export function clientError(code: ErrorCode, messages: ClientMessages, details: Omit<ErrorDetails, 'clientMessages'> = {}): DomainError {
  return new DomainError(code, messages.en, { ...details, clientMessages: messages });
}
