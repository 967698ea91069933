import { describe, expect, it } from 'vitest';
import { chooseChannel, isUnreachable, NO_REACHABLE_CHANNEL, type ChooseChannelInput } from '../../../server/messaging/choose-channel.ts';
import { DomainError } from '../../../server/domain/errors.ts';

const LINE = 'U0123456789abcdef0123456789abcdef';
const EMAIL = 'a@example.com';
const SMS = '+66812345678';
const reach = (line: boolean, email: boolean, sms: boolean) => ({ lineUserId: line ? LINE : null, email: email ? EMAIL : null, smsNumber: sms ? SMS : null });

type Row = [string, ChooseChannelInput, string | { error: RegExp; field?: string }];

const cases: Row[] = [
  ['LINE first when bound and following', { reach: reach(true, true, true) }, 'line'],
  ['email when no LINE', { reach: reach(false, true, true) }, 'email'],
  ['SMS when only a phone', { reach: reach(false, false, true) }, 'sms'],
  ['nothing reachable', { reach: reach(false, false, false) }, { error: /^customer has no reachable channel \(no LINE, email or phone\)$/ }],
  ['forced email over LINE', { reach: reach(true, true, true), forced: 'email' }, 'email'],
  ['forced SMS over LINE and email', { reach: reach(true, true, true), forced: 'sms' }, 'sms'],
  ['forced LINE without LINE', { reach: reach(false, true, true), forced: 'line' }, { error: /no bound LINE account/, field: 'channel' }],
  ['forced email without email', { reach: reach(true, false, true), forced: 'email' }, { error: /no email address/, field: 'channel' }],
  ['forced SMS without a mobile', { reach: reach(true, true, false), forced: 'sms' }, { error: /no mobile number/, field: 'channel' }],
  ['LINE quota used up → email', { reach: reach(true, true, true), unavailable: ['line'] }, 'email'],
  ['LINE quota used up, no email → SMS', { reach: reach(true, false, true), unavailable: ['line'] }, 'sms'],
  ['LINE quota used up, LINE only', { reach: reach(true, false, false), unavailable: ['line'] }, { error: /reachable only by line.*quota/ }],
  ['forced LINE with quota used up', { reach: reach(true, true, true), forced: 'line', unavailable: ['line'] }, { error: /quota/, field: 'channel' }],
  ['LINE-only kind with LINE', { reach: reach(true, true, true), allowed: ['line'] }, 'line'],
  ['LINE-only kind without LINE', { reach: reach(false, true, true), allowed: ['line'] }, { error: /no bound LINE account/ }],
  ['LINE-only kind, quota used up', { reach: reach(true, true, true), allowed: ['line'], unavailable: ['line'] }, { error: /quota/ }],
  [
    'LINE-only kind, forced email',
    { reach: reach(true, true, true), allowed: ['line'], forced: 'email' },
    { error: /cannot be sent by email/, field: 'channel' },
  ],
  ['re-route away from LINE', { reach: reach(true, true, false), allowed: ['email', 'sms'] }, 'email'],
];

describe('chooseChannel', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    if (typeof expected === 'string') {
      const choice = chooseChannel(input);
      expect(choice.channel).toBe(expected);
      expect(choice.recipient).toBe({ line: LINE, email: EMAIL, sms: SMS }[expected]);
      return;
    }
    let caught: unknown;
    try {
      chooseChannel(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(expected.error);
    if (expected.field) expect(error.details?.field).toBe(expected.field);
    expect(isUnreachable(error)).toBe(true);
  });

  it('uses the exact wording staff see for an unreachable customer', () => {
    expect(NO_REACHABLE_CHANNEL).toBe('customer has no reachable channel (no LINE, email or phone)');
  });

  it('does not treat other conflicts as "unreachable"', () => {
    expect(isUnreachable(new DomainError('CONFLICT', 'Invoice is paid'))).toBe(false);
    expect(isUnreachable(new Error('x'))).toBe(false);
  });
});
