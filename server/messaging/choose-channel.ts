/**
 * Which channel a message to a client goes through — the one place this rule lives:
 * LINE if a bound LINE user still follows the account, else email, else SMS. Staff may force a
 * channel, which must then be reachable. A channel that is unavailable for everyone (LINE's
 * monthly quota used up) is skipped. Pure: callers load the facts.
 */
import { conflict, DomainError } from '../domain/errors.ts';
import { CHANNELS, type Channel } from './message-content.ts';

export interface Reachability {
  /** A bound LINE user who still follows the account (the earliest bound), or null. */
  lineUserId: string | null;
  email: string | null;
  /** E.164 number that can receive SMS, or null. */
  smsNumber: string | null;
}

export interface ChooseChannelInput {
  reach: Reachability;
  /** Staff's choice; must be reachable and allowed. */
  forced?: Channel | null;
  /** Channels this kind of message may use, in preference order (default: all). */
  allowed?: readonly Channel[];
  /** Channels that cannot take messages right now, for anyone (quota). */
  unavailable?: readonly Channel[];
}

export interface ChannelChoice {
  channel: Channel;
  recipient: string;
}

export const NO_REACHABLE_CHANNEL = 'customer has no reachable channel (no LINE, email or phone)';

const WHY_UNREACHABLE: Record<Channel, string> = {
  line: 'customer has no bound LINE account that still follows us',
  email: 'customer has no email address',
  sms: 'customer has no mobile number that can receive SMS',
};

function recipientFor(reach: Reachability, channel: Channel): string | null {
  if (channel === 'line') return reach.lineUserId;
  if (channel === 'email') return reach.email;
  return reach.smsNumber;
}

export function chooseChannel(input: ChooseChannelInput): ChannelChoice {
  const allowed = input.allowed ?? CHANNELS;
  const unavailable = input.unavailable ?? [];
  if (input.forced) {
    const channel = input.forced;
    if (!allowed.includes(channel)) throw conflict(`this message cannot be sent by ${channel}`, { field: 'channel', channel });
    const recipient = recipientFor(input.reach, channel);
    if (!recipient) throw conflict(WHY_UNREACHABLE[channel], { field: 'channel', channel });
    if (unavailable.includes(channel)) {
      throw conflict(`${channel} cannot take messages right now (monthly quota used up); choose another channel`, { field: 'channel', channel });
    }
    return { channel, recipient };
  }
  for (const channel of CHANNELS) {
    if (!allowed.includes(channel) || unavailable.includes(channel)) continue;
    const recipient = recipientFor(input.reach, channel);
    if (recipient) return { channel, recipient };
  }
  const blocked = unavailable.filter((channel) => allowed.includes(channel) && recipientFor(input.reach, channel));
  if (blocked.length > 0) {
    throw conflict(`customer is reachable only by ${blocked.join(', ')}, which cannot take messages right now (monthly quota used up)`, {
      reason: 'unreachable',
    });
  }
  throw conflict(allowed.length === 1 ? WHY_UNREACHABLE[allowed[0]!] : NO_REACHABLE_CHANNEL, { reason: 'unreachable' });
}

/** True for the error chooseChannel throws: hooks inside other use cases swallow exactly this. */
export function isUnreachable(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'CONFLICT' && (error.details?.reason === 'unreachable' || error.details?.field === 'channel');
}
