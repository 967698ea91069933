/**
 * The LINE channel of the outbox: renders a message's content as a Flex Message (the same
 * words as email and SMS, bot/flex/client-messages.ts) and pushes it with @line/bot-sdk,
 * sending the message's stable retry key as X-Line-Retry-Key so a push repeated after a crash or a lost answer is accepted only once
 * (LINE then answers 409, which counts as sent).
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { MessageContent } from '../server/messaging/message-content.ts';
import { ChannelError, errorKindForStatus, type ChannelPort, type SendResult } from '../server/messaging/channel-ports.ts';
import { clientFlexMessage } from './flex/client-messages.ts';

/** The LINE messages (one Flex bubble) for a client message. Pure; also used by the operator preview. */
export function lineMessagesFor(content: MessageContent): messagingApi.Message[] {
  // Never queued for LINE (channelsForKind): the point is to reach the client somewhere else.
  if (content.kind === 'line_connected') throw new Error('a "LINE account connected" notice is never sent by LINE');
  return [clientFlexMessage(content)];
}

export interface LinePushChannelOptions {
  channelAccessToken: string;
  /** https://api.line.me, or a local fake in tests. */
  apiBaseUrl: string;
}

function parseBody(body: string): { message?: string; sentMessages?: { id?: string }[] } {
  try {
    return JSON.parse(body) as { message?: string; sentMessages?: { id?: string }[] };
  } catch {
    return {};
  }
}

function retryAfterMs(headers: Headers | undefined): number | null {
  const value = headers?.get?.('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

export function linePushChannel(options: LinePushChannelOptions): ChannelPort {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.apiBaseUrl });
  return {
    channel: 'line',
    mode: 'live',
    async send(message): Promise<SendResult> {
      let messages: messagingApi.Message[];
      try {
        messages = lineMessagesFor(message.content);
      } catch (error) {
        throw new ChannelError('permanent', `cannot render the LINE message: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        const response = await client.pushMessage({ to: message.recipient, messages }, message.retryKey);
        const ids = (response.sentMessages ?? []).map((m) => m.id).filter(Boolean);
        return { providerMessageId: ids.join(',') || `line-${message.retryKey}` };
      } catch (error) {
        if (!(error instanceof HTTPFetchError)) {
          throw new ChannelError('retryable', `LINE push failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        const body = parseBody(error.body);
        if (error.status === 409) {
          // The retry key was accepted before (our earlier try got through, its answer was lost).
          const ids = (body.sentMessages ?? []).map((m) => m.id).filter(Boolean);
          return {
            providerMessageId: ids.join(',') || error.headers?.get?.('x-line-accepted-request-id') || `line-${message.retryKey}`,
            alreadyAccepted: true,
          };
        }
        const detail = `LINE ${error.status}: ${body.message ?? error.statusText}`;
        if (error.status === 429 && /monthly limit/i.test(body.message ?? '')) throw new ChannelError('quota', detail, { status: 429 });
        throw new ChannelError(errorKindForStatus(error.status), detail, { status: error.status, retryAfterMs: retryAfterMs(error.headers) });
      }
    },
    async quotaExhausted(): Promise<boolean> {
      const quota = await client.getMessageQuota();
      if (quota.type !== 'limited' || quota.value === undefined) return false;
      const used = await client.getMessageQuotaConsumption();
      return used.totalUsage >= quota.value;
    },
  };
}
