/**
 * Friendship with the Official Account, asked of LINE's profile endpoint: it answers 200 for a
 * user who has added the account and 404 for anyone else. Anything else (LINE down, a 5xx, a
 * timeout) is "cannot tell", never "friend".
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { LineFriendship } from '../server/services/ports.ts';
import type { Logger } from '../server/logger.ts';

export function lineProfileFriendship(options: { channelAccessToken: string; apiBaseUrl: string; logger: Logger }): LineFriendship {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.apiBaseUrl });
  return {
    async isFriend(lineUserId) {
      try {
        await client.getProfile(lineUserId);
        return true;
      } catch (error) {
        if (error instanceof HTTPFetchError && error.status === 404) return false;
        options.logger.info({ err: error instanceof Error ? error.message : String(error) }, 'LINE profile look-up failed; friendship unknown');
        return null;
      }
    },
  };
}
