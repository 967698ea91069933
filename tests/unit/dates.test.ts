import { describe, expect, it } from 'vitest';
import {
  addDays,
  atBangkokTime,
  bangkokDate,
  bangkokHour,
  bangkokYear,
  daysBetween,
  endOfBangkokDay,
  formatDate,
  formatDateTime,
  isValidCalendarDate,
  isoWithBangkokOffset,
} from '../../server/domain/dates.ts';
import { expectDomainError } from './expect-domain-error.ts';

const at = (iso: string): Date => new Date(iso);

describe('Bangkok calendar of an instant', () => {
  it.each([
    ['2026-11-25T07:05:00Z', '2026-11-25', 2026, 14],
    ['2026-11-25T16:59:59.999Z', '2026-11-25', 2026, 23],
    ['2026-11-25T17:00:00Z', '2026-11-26', 2026, 0], // midnight in Bangkok, still the 25th in UTC
    ['2026-12-31T17:00:00Z', '2027-01-01', 2027, 0],
    ['2026-12-31T16:59:59Z', '2026-12-31', 2026, 23],
    ['2028-02-28T20:00:00Z', '2028-02-29', 2028, 3],
  ])('%s → %s, year %s, hour %s', (iso, date, year, hour) => {
    expect(bangkokDate(at(iso))).toBe(date);
    expect(bangkokYear(at(iso))).toBe(year);
    expect(bangkokHour(at(iso))).toBe(hour);
  });

  it('refuses an invalid Date', () => {
    expectDomainError(() => bangkokDate(new Date('nope')), 'VALIDATION', 'instant');
  });
});

describe('calendar date arithmetic', () => {
  it.each([
    ['2026-11-25', 0, '2026-11-25'],
    ['2026-11-25', 7, '2026-12-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -3, '2025-12-29'],
  ])('addDays(%s, %s) → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-11-25', '2026-11-25', 0],
    ['2026-11-25', '2026-11-28', 3],
    ['2026-11-28', '2026-11-25', -3],
    ['2026-12-31', '2027-01-01', 1],
    ['2028-01-01', '2029-01-01', 366],
  ])('daysBetween(%s, %s) → %s', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it.each([
    ['2026-11-25', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-5', false],
    ['25/11/2026', false],
    ['2026-11-25T00:00:00Z', false],
    ['', false],
  ])('isValidCalendarDate(%j) → %s', (text, expected) => {
    expect(isValidCalendarDate(text)).toBe(expected);
  });

  it.each([
    [() => addDays('2027-02-29', 1), 'date'],
    [() => addDays('2026-11-25', 1.5), 'days'],
    [() => daysBetween('x', '2026-11-25'), 'a'],
    [() => daysBetween('2026-11-25', 'x'), 'b'],
  ])('bad input throws VALIDATION (%#)', (run, field) => {
    expectDomainError(run, 'VALIDATION', field);
  });
});

describe('Bangkok wall-clock instants', () => {
  it.each([
    [atBangkokTime('2026-11-25', 9), '2026-11-25T02:00:00.000Z'],
    [atBangkokTime('2026-11-25'), '2026-11-24T17:00:00.000Z'],
    [atBangkokTime('2026-11-25', 14, 5, 30, 250), '2026-11-25T07:05:30.250Z'],
    [endOfBangkokDay('2026-11-25'), '2026-11-25T16:59:59.999Z'],
  ])('%s is %s', (instant, iso) => {
    expect(instant.toISOString()).toBe(iso);
  });
});

describe('formatting', () => {
  it.each([
    ['2026-11-25', 'th', 'long', '25 พฤศจิกายน 2569'],
    ['2026-11-25', 'th', 'short', '25 พ.ย. 2569'],
    ['2026-11-25', 'en', 'short', '25 Nov 2026'],
    ['2026-11-25', 'en', 'long', '25 November 2026'],
    ['2026-01-05', 'th', 'long', '5 มกราคม 2569'],
    ['2026-09-01', 'en', 'short', '1 Sep 2026'],
    ['2027-12-31', 'th', 'short', '31 ธ.ค. 2570'],
    [at('2026-11-24T17:30:00Z'), 'th', 'short', '25 พ.ย. 2569'], // Bangkok day, not UTC day
    [at('2026-11-24T17:30:00Z'), 'en', 'long', '25 November 2026'],
  ] as const)('formatDate(%s, %s, %s) → %s', (date, lang, style, expected) => {
    expect(formatDate(date, lang, style)).toBe(expected);
  });

  it('defaults to the long style', () => {
    expect(formatDate('2026-11-25', 'th')).toBe('25 พฤศจิกายน 2569');
  });

  it.each(['2026-02-30', 'tomorrow'])('formatDate refuses %j', (date) => {
    expectDomainError(() => formatDate(date, 'en'), 'VALIDATION', 'date');
  });

  it.each([
    ['2026-11-25T07:05:00Z', 'th', '25 พ.ย. 2569 14:05 น.'],
    ['2026-11-25T07:05:00Z', 'en', '25 Nov 2026, 14:05'],
    ['2026-11-25T17:00:00Z', 'th', '26 พ.ย. 2569 00:00 น.'],
    ['2026-11-25T02:09:59Z', 'en', '25 Nov 2026, 09:09'],
  ] as const)('formatDateTime(%s, %s) → %s', (iso, lang, expected) => {
    expect(formatDateTime(at(iso), lang)).toBe(expected);
  });

  it.each([
    ['2026-11-25T07:05:00Z', '2026-11-25T14:05:00+07:00'],
    ['2026-11-25T07:05:00.999Z', '2026-11-25T14:05:00+07:00'],
    ['2026-12-31T17:00:00Z', '2027-01-01T00:00:00+07:00'],
  ])('isoWithBangkokOffset(%s) → %s', (iso, expected) => {
    expect(isoWithBangkokOffset(at(iso))).toBe(expected);
  });
});
