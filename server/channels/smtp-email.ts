/**
 * Email channel: nodemailer over SMTP (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465).
 * HTML and plain-text parts come from the same template; the document's PDF is attached when a
 * DocumentAttachments port is wired and has one.
 */
import nodemailer from 'nodemailer';
import { renderEmail } from '../messaging/templates/email.ts';
import { ChannelError, type ChannelPort, type DocumentAttachments, type SendResult } from '../messaging/channel-ports.ts';

export interface SmtpEmailOptions {
  smtpUrl: string;
  /** 'Business name <billing@example.co.th>'; defaults to the SMTP user. */
  from: string;
  attachments?: DocumentAttachments | null;
  /** Connection/greeting/socket timeouts (ms). */
  timeoutMs?: number;
}

/** SMTP reply codes: 4xx are temporary (try later), 5xx permanent (bad address, refused). */
function classify(error: unknown): ChannelError {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const message = `SMTP: ${e.message ?? String(error)}`;
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) {
    // 5xx on authentication is a configuration problem the operator fixes, then retries the dead message.
    return new ChannelError('permanent', message, { status: e.responseCode });
  }
  return new ChannelError('retryable', message, { status: typeof e.responseCode === 'number' ? e.responseCode : null });
}

export function smtpEmailChannel(options: SmtpEmailOptions): ChannelPort {
  const timeout = options.timeoutMs ?? 20_000;
  // Settings in the URL (?pool=false, ?tls.rejectUnauthorized=…) win over these defaults.
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: 4,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    channel: 'email',
    mode: 'live',
    async send(message): Promise<SendResult> {
      let rendered: ReturnType<typeof renderEmail>;
      try {
        rendered = renderEmail(message.content);
      } catch (error) {
        throw new ChannelError('permanent', `cannot render the email: ${error instanceof Error ? error.message : String(error)}`);
      }
      const { subject, html, text } = rendered;
      const documentId = message.content.attachDocumentId;
      const pdf = documentId && options.attachments ? await options.attachments.pdfFor(documentId) : null;
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.recipient,
          subject,
          html,
          text,
          // A stable Message-ID: a re-send after a crash is recognisable as the same message.
          messageId: `<${message.retryKey}@client-portal>`,
          headers: { 'X-Outbox-Message-Id': message.id },
          ...(pdf ? { attachments: [{ filename: pdf.fileName, content: pdf.content, contentType: 'application/pdf' }] } : {}),
        });
        if (info.rejected && info.rejected.length > 0) throw new ChannelError('permanent', `SMTP: recipient rejected (${info.response ?? 'no response'})`);
        return { providerMessageId: info.messageId || `<${message.retryKey}@client-portal>` };
      } catch (error) {
        if (error instanceof ChannelError) throw error;
        throw classify(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
