import { describe, expect, it } from 'vitest';
import { DomainError, conflict, isDomainError, notFound, validation } from '../../server/domain/errors.ts';

describe('DomainError', () => {
  it('carries code, message and details and is a real Error', () => {
    const error = new DomainError('GONE', 'link expired', { field: 'token', extra: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('GONE');
    expect(error.message).toBe('link expired');
    expect(error.details).toEqual({ field: 'token', extra: 1 });
  });

  it.each([
    ['validation', validation('email', 'bad email'), 'VALIDATION', 'bad email', { field: 'email' }],
    ['notFound', notFound('Invoice'), 'NOT_FOUND', 'Invoice not found', { what: 'Invoice' }],
    ['conflict', conflict('already paid', { status: 'paid' }), 'CONFLICT', 'already paid', { status: 'paid' }],
    ['conflict without details', conflict('busy'), 'CONFLICT', 'busy', undefined],
  ] as const)('%s helper builds the error', (_name, error, code, message, details) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.details).toEqual(details);
  });

  it.each([
    [validation('x', 'y'), undefined, true],
    [validation('x', 'y'), 'VALIDATION', true],
    [validation('x', 'y'), 'CONFLICT', false],
    [new Error('plain'), undefined, false],
    ['string', undefined, false],
  ] as const)('isDomainError(%o, %s) is %s', (error, code, expected) => {
    expect(isDomainError(error, code)).toBe(expected);
  });
});
