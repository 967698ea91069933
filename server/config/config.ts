/**
 * The one reader of process.env. Parses everything at start and fails fast naming the bad
 * variable. Anything optional that is missing turns a real channel off (the demo keeps
 * messages in the local outbox instead), never silently breaks it.
 */
import { z } from 'zod';
import { existsSync } from 'node:fs';
import path from 'node:path';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL used in links sent to clients, e.g. https://portal.example.co.th */
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().default('./data'),
  /** SQLite file URL (file:./data/portal.db) or postgresql:// URL. Default: SQLite in DATA_DIR. */
  DATABASE_URL: optionalString,
  ADMIN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** 32+ random bytes (base64/hex) sealing portal tokens; generated into DATA_DIR when absent. */
  LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO: boolish,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TRUST_PROXY: optionalString,

  LINE_CHANNEL_SECRET: optionalString,
  LINE_CHANNEL_ACCESS_TOKEN: optionalString,
  LINE_API_BASE_URL: z.string().url().default('https://api.line.me'),
  /** LINE serves what users send (slip images) from a separate host. */
  LINE_DATA_API_BASE_URL: z.string().url().default('https://api-data.line.me'),
  LINE_LOGIN_CHANNEL_ID: optionalString,
  LINE_VERIFY_URL: z.string().url().default('https://api.line.me/oauth2/v2.1/verify'),
  LIFF_ID: optionalString,
  /** The staff app's LIFF id (a second LIFF app on the same LINE Login channel); its rich menu opens it. */
  STAFF_LIFF_ID: optionalString,

  SMTP_URL: optionalString,
  SMTP_FROM: optionalString,

  /** The business's certificate (PKCS#12) that seals signed quotes; absent = a self-signed one in DATA_DIR. */
  SIGNING_P12_PATH: optionalString,
  SIGNING_P12_PASSWORD: optionalString,

  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_BASE_URL: optionalUrl,

  /** Where issued PDFs and uploads live: unset / "db" = in the database; s3://bucket/prefix?endpoint=…&region=… = S3-compatible. */
  BLOB_STORE_URL: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,

  /** Shared secret of the bank / gateway adapter that posts to /api/webhooks/payments (off when unset). */
  PAYMENT_WEBHOOK_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),

  /** 'inline': this process handles LINE events right after acknowledging them; 'worker': only
   *  record them, for web instances under load next to `npm run worker`. */
  LINE_WEBHOOK_HANDLING: z.enum(['inline', 'worker']).default('inline'),
  /** Portal requests per minute per IP (mobile carriers share IPs: keep it generous). */
  PORTAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** How long a worker holds a claimed message before another may take it over (a crashed worker's). */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  RUN_WORKERS: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v !== 'false' && v !== '0'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string | undefined;
  dataDir: string;
  databaseUrl: string;
  databaseProvider: 'sqlite' | 'postgresql';
  adminApiKey: string | undefined;
  linkSecret: string | undefined;
  seedDemo: boolean;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: string | undefined;
  line: {
    channelSecret: string | undefined;
    channelAccessToken: string | undefined;
    apiBaseUrl: string;
    dataApiBaseUrl: string;
    loginChannelId: string | undefined;
    verifyUrl: string;
    liffId: string | undefined;
    staffLiffId: string | undefined;
    webhookHandling: 'inline' | 'worker';
  };
  smtp: { url: string | undefined; from: string | undefined };
  /** p12Path null: a self-signed certificate named after the business, kept in DATA_DIR/seal. */
  signing: { p12Path: string | null; p12Password: string | null };
  twilio: { accountSid: string | undefined; authToken: string | undefined; from: string | undefined; apiBaseUrl: string | undefined };
  /** HMAC key of POST /api/webhooks/payments; undefined = the endpoint answers 404. */
  paymentWebhookSecret: string | undefined;
  blobStore: BlobStoreConfig;
  outboxPollMs: number;
  outboxLeaseMs: number;
  runWorkers: boolean;
  portalRateLimitPerMinute: number;
}

/** Where stored bytes live (server/data/blob-store.ts). */
export type BlobStoreConfig =
  | { kind: 'database' }
  | {
      kind: 's3';
      bucket: string;
      /** Prepended to every key, without leading or trailing slash ('' = the bucket's root). */
      prefix: string;
      /** Path-style base URL (http://minio:9000, https://<account>.r2.cloudflarestorage.com). */
      endpoint: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
    };

export class ConfigError extends Error {}

const BLOB_STORE_USAGE = 'must be "db" or s3://bucket/prefix?endpoint=https://host&region=… (path-style S3-compatible store)';

function parseBlobStore(url: string | undefined, accessKeyId: string | undefined, secretAccessKey: string | undefined): BlobStoreConfig {
  const bad = (why: string) => new ConfigError(`Invalid configuration:\n  BLOB_STORE_URL: ${why}; ${BLOB_STORE_USAGE}`);
  if (url === undefined || url === 'db' || url === 'db:') {
    if (accessKeyId || secretAccessKey) {
      throw new ConfigError('Invalid configuration:\n  S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: set only with BLOB_STORE_URL=s3://…');
    }
    return { kind: 'database' };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad('not a URL');
  }
  if (parsed.protocol !== 's3:') throw bad(`unknown store "${parsed.protocol.replace(/:$/, '')}"`);
  const bucket = parsed.hostname;
  // S3's bucket naming rules (lower case, digits, dots, hyphens; 3 to 63 characters).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw bad(`"${bucket}" is not a valid bucket name`);
  if (parsed.username || parsed.password) throw bad('keep credentials out of the URL (S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY)');
  const prefix = decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, '');
  const known = new Set(['endpoint', 'region']);
  for (const name of parsed.searchParams.keys()) if (!known.has(name)) throw bad(`unknown parameter "${name}"`);
  const region = parsed.searchParams.get('region') || 'us-east-1';
  const endpoint = parsed.searchParams.get('endpoint') || `https://s3.${region}.amazonaws.com`;
  let endpointUrl: URL;
  try {
    endpointUrl = new URL(endpoint);
  } catch {
    throw bad(`endpoint "${endpoint}" is not a URL`);
  }
  if (!/^https?:$/.test(endpointUrl.protocol)) throw bad(`endpoint "${endpoint}" must be http:// or https://`);
  if (!accessKeyId || !secretAccessKey) {
    throw new ConfigError('Invalid configuration:\n  S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: required with BLOB_STORE_URL=s3://…');
  }
  return { kind: 's3', bucket, prefix, endpoint: endpointUrl.toString().replace(/\/+$/, ''), region, accessKeyId, secretAccessKey };
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, 'portal.db')}`;
  const databaseProvider = /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite';
  if (databaseProvider === 'sqlite' && !databaseUrl.startsWith('file:')) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: must be file:<path> (SQLite) or postgresql://…');
  }
  const lineBoth = [e.LINE_CHANNEL_SECRET, e.LINE_CHANNEL_ACCESS_TOKEN].filter(Boolean).length;
  if (lineBoth === 1) {
    throw new ConfigError('Invalid configuration:\n  LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN: set both or neither');
  }
  const twilioSet = [e.TWILIO_ACCOUNT_SID, e.TWILIO_AUTH_TOKEN, e.TWILIO_FROM].filter(Boolean).length;
  if (twilioSet > 0 && twilioSet < 3) {
    throw new ConfigError('Invalid configuration:\n  TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN / TWILIO_FROM: set all three or none');
  }
  if (e.SMTP_URL && !/^smtps?:\/\//i.test(e.SMTP_URL)) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: must be smtp://user:pass@host:587 or smtps://user:pass@host:465');
  }
  if (e.SMTP_URL && !e.SMTP_FROM) {
    throw new ConfigError('Invalid configuration:\n  SMTP_FROM: required when SMTP_URL is set (e.g. "Shop name <billing@example.co.th>")');
  }
  if (e.SIGNING_P12_PATH && !existsSync(path.resolve(e.SIGNING_P12_PATH))) {
    throw new ConfigError(`Invalid configuration:\n  SIGNING_P12_PATH: no file at ${path.resolve(e.SIGNING_P12_PATH)}`);
  }
  if (e.SIGNING_P12_PASSWORD && !e.SIGNING_P12_PATH) {
    throw new ConfigError('Invalid configuration:\n  SIGNING_P12_PASSWORD: set SIGNING_P12_PATH too (the certificate it opens)');
  }
  const blobStore = parseBlobStore(e.BLOB_STORE_URL, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY);
  if (e.NODE_ENV === 'production' && !e.ADMIN_API_KEY) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_API_KEY: required in production');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir,
    databaseUrl,
    databaseProvider,
    adminApiKey: e.ADMIN_API_KEY,
    linkSecret: e.LINK_SECRET,
    seedDemo: e.SEED_DEMO || e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    line: {
      channelSecret: e.LINE_CHANNEL_SECRET,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: e.LINE_API_BASE_URL.replace(/\/+$/, ''),
      dataApiBaseUrl: e.LINE_DATA_API_BASE_URL.replace(/\/+$/, ''),
      loginChannelId: e.LINE_LOGIN_CHANNEL_ID,
      verifyUrl: e.LINE_VERIFY_URL,
      liffId: e.LIFF_ID,
      staffLiffId: e.STAFF_LIFF_ID,
      webhookHandling: e.LINE_WEBHOOK_HANDLING,
    },
    smtp: { url: e.SMTP_URL, from: e.SMTP_FROM },
    signing: { p12Path: e.SIGNING_P12_PATH ? path.resolve(e.SIGNING_P12_PATH) : null, p12Password: e.SIGNING_P12_PASSWORD ?? null },
    twilio: { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiBaseUrl: e.TWILIO_API_BASE_URL },
    paymentWebhookSecret: e.PAYMENT_WEBHOOK_SECRET,
    blobStore,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    portalRateLimitPerMinute: e.PORTAL_RATE_LIMIT_PER_MINUTE,
    runWorkers: e.RUN_WORKERS,
  };
}

/** For command-line entry points: a bad environment prints what is wrong and exits, no stack trace. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
