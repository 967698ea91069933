import { describe, expect, it } from 'vitest';
import { addYears, checkInvoiceDates, checkJobDates, checkQuoteDates } from '../../server/domain/date-bounds.ts';
import { expectDomainError } from './expect-domain-error.ts';

const today = '2026-11-25';

describe('addYears', () => {
  it.each([
    ['2026-11-25', 1, '2027-11-25'],
    ['2028-02-29', 1, '2029-02-28'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2026-01-31', -2, '2024-01-31'],
  ])('%s + %i years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});

describe('checkQuoteDates', () => {
  it('allows valid-until up to one year after the issue date', () => {
    expect(() => checkQuoteDates({ issueDate: today, validUntil: '2027-11-25', today })).not.toThrow();
    expect(() => checkQuoteDates({ issueDate: '2026-11-01', validUntil: '2027-11-01', today })).not.toThrow();
  });

  it.each<[string, { issueDate: string; validUntil: string }, string]>([
    ['a day over one year', { issueDate: today, validUntil: '2027-11-26' }, 'validUntil'],
    ['year 9999', { issueDate: today, validUntil: '9999-12-31' }, 'validUntil'],
    ['before the issue date', { issueDate: today, validUntil: '2026-11-24' }, 'validUntil'],
    ['not a date', { issueDate: today, validUntil: '2026-02-30' }, 'validUntil'],
    ['an issue date far in the future', { issueDate: '9999-01-01', validUntil: '9999-01-02' }, 'issueDate'],
    ['an issue date far in the past', { issueDate: '0001-01-01', validUntil: '0001-01-02' }, 'issueDate'],
  ])('refuses %s', (_name, dates, field) => {
    expectDomainError(() => checkQuoteDates({ ...dates, today }), 'VALIDATION', field);
  });
});

describe('checkInvoiceDates', () => {
  it('allows a due date up to two years after the issue date', () => {
    expect(() => checkInvoiceDates({ issueDate: today, dueDate: '2028-11-25', today })).not.toThrow();
  });

  it.each<[string, { issueDate: string; dueDate: string }, string]>([
    ['over two years', { issueDate: today, dueDate: '2028-11-26' }, 'dueDate'],
    ['year 9999', { issueDate: today, dueDate: '9999-12-31' }, 'dueDate'],
    ['before the issue date', { issueDate: today, dueDate: '2026-11-01' }, 'dueDate'],
    ['an issue date three years back', { issueDate: '2023-11-01', dueDate: '2023-12-01' }, 'issueDate'],
  ])('refuses %s', (_name, dates, field) => {
    expectDomainError(() => checkInvoiceDates({ ...dates, today }), 'VALIDATION', field);
  });
});

describe('checkJobDates', () => {
  it('allows no dates, past and future dates within two years', () => {
    expect(() => checkJobDates({ today })).not.toThrow();
    expect(() => checkJobDates({ startDate: '2025-01-10', endDate: '2028-11-25', today })).not.toThrow();
  });

  it.each<[string, { startDate?: string | null; endDate?: string | null }, string]>([
    ['a start in 9999', { startDate: '9999-12-31' }, 'startDate'],
    ['an end over two years ahead', { endDate: '2028-11-26' }, 'endDate'],
    ['a start over two years back', { startDate: '2024-11-24' }, 'startDate'],
    ['an end before the start', { startDate: '2026-12-02', endDate: '2026-12-01' }, 'endDate'],
  ])('refuses %s', (_name, dates, field) => {
    expectDomainError(() => checkJobDates({ ...dates, today }), 'VALIDATION', field);
  });
});
