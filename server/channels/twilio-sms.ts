/**
 * SMS channel: the twilio client sends one short line with the link. Delivery receipts arrive
 * later at POST /webhooks/twilio/status (server/http/webhooks/twilio-status.ts).
 * Twilio's region/edge options only change *.twilio.com hosts, so a local fake (tests) is
 * reached through a custom httpClient that re-points every request at TWILIO_API_BASE_URL.
 */
import twilio from 'twilio';
import { renderSms } from '../messaging/templates/sms.ts';
import { ChannelError, errorKindForStatus, type ChannelPort, type SendResult } from '../messaging/channel-ports.ts';

export interface TwilioSmsOptions {
  accountSid: string;
  authToken: string;
  /** A sender number (+66…), an alphanumeric sender id, or a Messaging Service SID (MG…). */
  from: string;
  /** Where Twilio posts delivery receipts; null when PUBLIC_URL is unknown. */
  statusCallbackUrl: string | null;
  /** Send every API request here instead of https://api.twilio.com (a local fake). */
  apiBaseUrl?: string;
  timeoutMs?: number;
}

type TwilioRequestOptions = Parameters<twilio.RequestClient['request']>[0];

/** Keeps twilio's own request client (auth, form encoding, errors) but changes the host. */
function redirectingHttpClient(apiBaseUrl: string, timeoutMs: number): twilio.RequestClient {
  const inner = new twilio.RequestClient({ timeout: timeoutMs, keepAlive: true });
  const base = new URL(apiBaseUrl);
  const client = Object.create(inner) as twilio.RequestClient;
  client.request = ((opts: TwilioRequestOptions) => {
    const uri = new URL(opts.uri);
    uri.protocol = base.protocol;
    uri.host = base.host;
    uri.pathname = base.pathname.replace(/\/+$/, '') + uri.pathname;
    return inner.request({ ...opts, uri: uri.href });
  }) as twilio.RequestClient['request'];
  return client;
}

export function twilioSmsChannel(options: TwilioSmsOptions): ChannelPort {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const client = twilio(options.accountSid, options.authToken, {
    ...(options.apiBaseUrl ? { httpClient: redirectingHttpClient(options.apiBaseUrl, timeoutMs) } : {}),
    timeout: timeoutMs,
    autoRetry: false,
  });
  const sender = /^MG[0-9a-f]{32}$/i.test(options.from) ? { messagingServiceSid: options.from } : { from: options.from };
  return {
    channel: 'sms',
    mode: 'live',
    async send(message): Promise<SendResult> {
      try {
        const sent = await client.messages.create({
          to: message.recipient,
          body: renderSms(message.content),
          ...sender,
          ...(options.statusCallbackUrl ? { statusCallback: options.statusCallbackUrl } : {}),
        });
        return { providerMessageId: sent.sid, deliveryStatus: sent.status ?? 'queued' };
      } catch (error) {
        const e = error as { status?: number; code?: number; message?: string };
        const detail = `Twilio${e.status ? ` ${e.status}` : ''}${e.code ? ` (error ${e.code})` : ''}: ${e.message ?? String(error)}`;
        throw new ChannelError(typeof e.status === 'number' ? errorKindForStatus(e.status) : 'retryable', detail, { status: e.status ?? null });
      }
    },
  };
}
