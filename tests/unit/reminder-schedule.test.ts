import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_OFFSETS,
  MAX_REMINDERS_PER_INVOICE,
  deliverableAt,
  dueReminderOffsets,
  isRemindable,
  isWithinSendingWindow,
  nextSendingWindowStart,
} from '../../server/domain/reminder-schedule.ts';
import type { InvoiceStatus } from '../../server/domain/transitions.ts';
import { expectDomainError } from './expect-domain-error.ts';

const at = (iso: string): Date => new Date(iso);
/** 10:00 Bangkok on the given day. */
const morning = (date: string): Date => at(`${date}T03:00:00Z`);

describe('constants', () => {
  it('default schedule and cap', () => {
    expect(DEFAULT_REMINDER_OFFSETS).toEqual([-3, 0, 3, 7, 14]);
    expect(MAX_REMINDERS_PER_INVOICE).toBe(5);
  });
});

describe('dueReminderOffsets (due 2026-11-30)', () => {
  it.each<[string, Date, number[], number[]]>([
    ['too early', morning('2026-11-26'), [], []],
    ['3 days before', morning('2026-11-27'), [], [-3]],
    ['3 days before, already sent', morning('2026-11-27'), [-3], []],
    ['due date', morning('2026-11-30'), [-3], [0]],
    ['between reminders', morning('2026-12-01'), [-3, 0], []],
    ['3 days late', morning('2026-12-03'), [-3, 0], [3]],
    ['14 days late', morning('2026-12-14'), [-3, 0, 3, 7], [14]],
    ['long after the last one', morning('2027-03-01'), [-3, 0, 3, 7, 14], []],
    ['invoice issued late: only the latest of the missed ones', morning('2026-12-08'), [], [7]],
    ['skipped older offsets never trickle out later', morning('2026-12-10'), [7], []],
    ['server down for a while', morning('2026-12-20'), [-3, 0], [14]],
    // 2026-11-26T17:00Z is already midnight of the 27th in Bangkok.
    ['uses the Bangkok calendar day', at('2026-11-26T17:00:00Z'), [], [-3]],
    ['one second earlier is still the 26th', at('2026-11-26T16:59:59Z'), [], []],
  ])('%s', (_name, now, alreadySent, expected) => {
    expect(dueReminderOffsets({ dueDate: '2026-11-30', now, alreadySent })).toEqual(expected);
  });

  it.each<[string, number[], number[], number[]]>([
    ['custom schedule', [1, 2], [], [2]],
    ['unsorted custom schedule', [5, 1, 2], [], [2]],
    ['cap reached even if the schedule has more', [0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4], []],
  ])('%s', (_name, offsets, alreadySent, expected) => {
    expect(dueReminderOffsets({ dueDate: '2026-11-28', now: morning('2026-11-30'), alreadySent, offsets })).toEqual(expected);
  });

  it.each<[string, Parameters<typeof dueReminderOffsets>[0], string]>([
    ['bad due date', { dueDate: '2026-11-31', now: morning('2026-11-30'), alreadySent: [] }, 'a'],
    ['fractional offset', { dueDate: '2026-11-30', now: morning('2026-11-30'), alreadySent: [], offsets: [0.5] }, 'offsets'],
    ['invalid now', { dueDate: '2026-11-30', now: new Date('x'), alreadySent: [] }, 'instant'],
  ])('refuses %s', (_name, input, field) => {
    expectDomainError(() => dueReminderOffsets(input), 'VALIDATION', field);
  });
});

describe('isRemindable', () => {
  it.each<[InvoiceStatus, number, boolean]>([
    ['draft', 1000, false],
    ['sent', 1000, true],
    ['partially_paid', 1, true],
    ['paid', 0, false],
    ['void', 1000, false],
    // A 0.00 invoice (or one whose balance is 0.00) asks for nothing.
    ['sent', 0, false],
    ['partially_paid', 0, false],
  ])('%s with balance %i satang → %s', (status, balanceSatang, expected) => {
    expect(isRemindable(status, balanceSatang)).toBe(expected);
  });
});

describe('sending window 09:00–20:00 Bangkok', () => {
  it.each([
    ['2026-11-25T01:59:59Z', false, '2026-11-25T02:00:00.000Z'], // 08:59:59 → 09:00 today
    ['2026-11-25T02:00:00Z', true, '2026-11-25T02:00:00.000Z'], // 09:00 sharp
    ['2026-11-25T07:30:00Z', true, '2026-11-25T07:30:00.000Z'], // 14:30
    ['2026-11-25T12:59:59Z', true, '2026-11-25T12:59:59.000Z'], // 19:59:59
    ['2026-11-25T13:00:00Z', false, '2026-11-26T02:00:00.000Z'], // 20:00 → 09:00 tomorrow
    ['2026-11-25T16:59:00Z', false, '2026-11-26T02:00:00.000Z'], // 23:59
    ['2026-11-25T17:00:00Z', false, '2026-11-26T02:00:00.000Z'], // 00:00 on the 26th → 09:00 same day
    ['2026-12-31T15:00:00Z', false, '2027-01-01T02:00:00.000Z'], // 22:00 on New Year's Eve
  ])('%s: within %s, next start %s', (iso, within, next) => {
    expect(isWithinSendingWindow(at(iso))).toBe(within);
    expect(nextSendingWindowStart(at(iso)).toISOString()).toBe(next);
  });
});

describe('deliverableAt: reminders keep quiet hours at every delivery attempt', () => {
  it('moves a payment reminder ready after 20:00 to 09:00 the next morning; other kinds go at once', () => {
    expect(deliverableAt('payment_reminder', at('2026-12-10T13:00:12Z')).toISOString()).toBe('2026-12-11T02:00:00.000Z'); // 20:00:12
    expect(deliverableAt('payment_reminder', at('2026-12-10T12:59:00Z')).toISOString()).toBe('2026-12-10T12:59:00.000Z'); // 19:59
    expect(deliverableAt('portal_link', at('2026-12-10T13:00:12Z')).toISOString()).toBe('2026-12-10T13:00:12.000Z');
    expect(deliverableAt('job_stage', at('2026-12-10T20:00:00Z')).toISOString()).toBe('2026-12-10T20:00:00.000Z'); // 03:00
  });
});
