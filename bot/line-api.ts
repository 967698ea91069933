/**
 * The bot's line to LINE: replies (free, with the event's single-use reply token) and profile
 * look-ups. Proactive messages (pushes) are not sent from here: they go through the outbox and
 * its LINE channel (line-push-channel.ts). Built from config in wire-bot.ts; tests point
 * `apiBaseUrl` at a local fake.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Logger } from '../server/logger.ts';

export type LineMessage = messagingApi.Message;

/** LINE accepts at most 5 messages per request. */
export const MAX_MESSAGES_PER_REQUEST = 5;

export interface LineMessenger {
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  /** The user's LINE display name, or null when LINE does not give it (not a friend, blocked…). */
  displayName(userId: string): Promise<string | null>;
}

export class LineApiError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'LineApiError';
    this.status = status;
  }
}

function describe(error: unknown): LineApiError {
  if (error instanceof HTTPFetchError) {
    // LINE's error body names the offending field; it never contains our secrets.
    return new LineApiError(`LINE API ${error.status}: ${error.body.slice(0, 500)}`, error.status);
  }
  return new LineApiError(`LINE API unreachable: ${error instanceof Error ? error.message : String(error)}`, null);
}

export function createLineMessenger(options: { channelAccessToken: string; apiBaseUrl: string; logger: Logger }): LineMessenger {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.apiBaseUrl });
  const check = (messages: LineMessage[]) => {
    if (messages.length === 0 || messages.length > MAX_MESSAGES_PER_REQUEST) {
      throw new RangeError(`a LINE request carries 1 to ${MAX_MESSAGES_PER_REQUEST} messages, got ${messages.length}`);
    }
  };
  return {
    async reply(replyToken, messages) {
      check(messages);
      try {
        await client.replyMessage({ replyToken, messages });
      } catch (error) {
        throw describe(error);
      }
    },
    async displayName(userId) {
      try {
        return (await client.getProfile(userId)).displayName || null;
      } catch (error) {
        options.logger.debug({ err: describe(error).message }, 'LINE profile not available');
        return null;
      }
    },
  };
}
