/**
 * A real SMTP server on loopback (smtp-server) that requires AUTH and keeps every message,
 * parsed with mailparser, so tests see exactly what a mail server would receive.
 */
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  from: string;
  to: string[];
  parsed: ParsedMail;
  raw: string;
}

export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  /** Reject the next `count` messages with this SMTP reply code (e.g. 451 temporary, 550 permanent). */
  rejectNext(code: number, count?: number): void;
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { user?: string; password?: string } = {}): Promise<SmtpSink> {
  const user = options.user ?? 'mailer';
  const password = options.password ?? 'smtp-secret';
  const mails: ReceivedMail[] = [];
  const rejections: number[] = [];
  const events = new EventEmitter();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = rejections.shift();
        if (code) {
          const error = Object.assign(new Error(`Rejected by test (${code})`), { responseCode: code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              parsed,
              raw,
            });
            events.emit('mail');
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${user}:${password}@127.0.0.1:${port}`,
    mails,
    rejectNext(code, count = 1) {
      for (let i = 0; i < count; i++) rejections.push(code);
    },
    waitForMails(count, timeoutMs = 5000) {
      if (mails.length >= count) return Promise.resolve(mails.slice());
      return new Promise((resolve, reject) => {
        const onMail = () => {
          if (mails.length >= count) {
            clearTimeout(timer);
            events.off('mail', onMail);
            resolve(mails.slice());
          }
        };
        const timer = setTimeout(() => {
          events.off('mail', onMail);
          reject(new Error(`waitForMails: ${mails.length}/${count}`));
        }, timeoutMs);
        events.on('mail', onMail);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
