import { expect } from 'vitest';
import { DomainError, type ErrorCode } from '../../server/domain/errors.ts';

/** Asserts `run` throws a DomainError with this code (and field, when given). */
export function expectDomainError(run: () => unknown, code: ErrorCode, field?: string): DomainError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.details?.field).toBe(field);
  return error;
}
