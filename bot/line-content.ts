/**
 * What users send to the Official Account (slip photos), from LINE's data host:
 * GET https://api-data.line.me/v2/bot/message/{messageId}/content. LINE answers 404 for an id it
 * does not know or content it has already deleted; that is "not available", not a failure. Other
 * errors throw, so the webhook event is retried. Reading stops past the upload limit: a video
 * sent by mistake is not held in memory.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { LineMessageContent } from '../server/services/ports.ts';
import { LineApiError } from './line-api.ts';

/** LINE message ids are decimal digits; anything else is never sent to LINE (the SDK does not escape it). */
const MESSAGE_ID_RE = /^\d{1,32}$/;

export function lineMessageContent(options: { channelAccessToken: string; dataApiBaseUrl: string; maxBytes: number }): LineMessageContent {
  const client = new messagingApi.MessagingApiBlobClient({ channelAccessToken: options.channelAccessToken, baseURL: options.dataApiBaseUrl });
  return {
    async fetch(messageId) {
      if (!MESSAGE_ID_RE.test(messageId)) return null;
      let response: Awaited<ReturnType<typeof client.getMessageContentWithHttpInfo>>;
      try {
        response = await client.getMessageContentWithHttpInfo(messageId);
      } catch (error) {
        if (error instanceof HTTPFetchError && error.status === 404) return null;
        if (error instanceof HTTPFetchError) throw new LineApiError(`LINE content API ${error.status}: ${error.body.slice(0, 300)}`, error.status);
        throw new LineApiError(`LINE content API unreachable: ${error instanceof Error ? error.message : String(error)}`, null);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        size += buf.length;
        chunks.push(buf);
        // One byte past the limit is enough for the use case to refuse it as too large.
        if (size > options.maxBytes) {
          response.body.destroy();
          break;
        }
      }
      return { bytes: new Uint8Array(Buffer.concat(chunks)), contentType: response.httpResponse.headers.get('content-type') };
    },
  };
}
