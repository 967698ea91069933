/**
 * The composition root: reads config, opens the database, builds the ports (real adapters when
 * credentials exist, local fakes otherwise) and the Express app. server/main.ts runs it; the
 * integration tests run the very same function with test overrides.
 */
import type { Express } from 'express';
import type { Config } from './config/config.ts';
import { openDatabase, type Db } from './data/database.ts';
import type { QueryObserver } from './data/observed-adapter.ts';
import { openCustomerNameIndex } from './data/customer-name-index.ts';
import { inBackground, urgentWorkStarted } from './data/background-work.ts';
import { openFirstInLineLane } from './data/first-in-line.ts';
import { prepareDataDir } from './data/data-dir.ts';
import { createBlobStore, type BlobStore } from './data/blob-store.ts';
import { databaseBlobStore } from './data/database-blob-store.ts';
import { s3BlobStore } from './data/s3-blob-store.ts';
import { moveLegacyFiles } from './data/legacy-files.ts';
import { BLOB_STORE_SUBJECT, raiseOperatorAlarm, resolveOperatorAlarms } from './services/operator-alarms.ts';
import { createLogger, type Logger } from './logger.ts';
import { loadOrCreateSecrets } from './secrets.ts';
import { systemClock, type Clock, type LineIdentityVerifier, type PdfSealer, type StaffNotifier } from './services/ports.ts';
import { lineLoginVerifier } from '../bot/line-login-verifier.ts';
import { lineProfileFriendship } from '../bot/line-friendship.ts';
import { liffUrlBuilder } from '../bot/liff-url.ts';
import { lineRichMenuApi } from '../bot/line-rich-menu-api.ts';
import { PortalEvents } from './services/portal-events.ts';
import type { AppContext } from './services/context.ts';
import { trackWrites } from './data/change-tracker.ts';
import { watchExternalWrites } from './data/external-writes.ts';
import { watchPostgresChanges } from './data/postgres-changes.ts';
import { postgresPoolConfig } from './data/postgres-adapter.ts';
import { databaseReadiness } from './data/readiness.ts';
import { claimDueWebhookEvents } from './data/claim-due-webhook-events.ts';
import { StageChangeFeed } from './services/stage-change-feed.ts';
import { ActivityRecorder } from './services/activity.ts';
import { VersionedCache } from './data/versioned-cache.ts';
import { createApp } from './http/app.ts';
import { registerDocumentRoutes } from './http/portal/document-routes.ts';
import { registerHistoryRoute } from './http/portal/history-route.ts';
import { registerQuoteRoutes } from './http/portal/quote-routes.ts';
import { verifyRouter } from './http/verify/verify-routes.ts';
import { slipUrlRouter } from './http/slip-url-route.ts';
import { paymentWebhookRouter } from './http/webhooks/payment-webhook.ts';
import { recoverRoute } from './http/portal/recover-route.ts';
import { documentAttachments } from './documents/document-attachments.ts';
import { documentIssuer } from './documents/document-pdfs.ts';
import { businessSealer } from './documents/seal-pdf.ts';
import { lineStaffNotifier, loggedStaffNotifier } from '../bot/staff-notifier.ts';
import { wireMessaging, type Messaging, type MessagingOverrides } from './wire-messaging.ts';
import { wireBot, type Bot } from '../bot/wire-bot.ts';

/** main.ts stops its HTTP server with it (the composition root is the one door to server/http). */
export { gracefulCloser } from './http/graceful-close.ts';

export interface Overrides {
  clock?: Clock;
  logger?: Logger;
  lineIdentity?: LineIdentityVerifier;
  /** Seal signed quotes with a fixed certificate (tests) instead of the configured / generated one. */
  pdfSealer?: PdfSealer;
  staffNotifier?: StaffNotifier;
  messaging?: MessagingOverrides;
  /** 'worker' for `npm run worker`: no HTTP traffic arrives, so webhook events are polled for. */
  role?: 'all' | 'worker';
  /** Sees every SQL statement the application sends (tests that bound query size). */
  observeQueries?: QueryObserver;
}

export interface Application {
  app: Express;
  ctx: AppContext;
  adminApiKey: string;
  logger: Logger;
  generatedSecrets: string[];
  /** The outbox: worker, operator page, Twilio webhook (server/wire-messaging.ts). */
  messaging: Messaging;
  /** The LINE bot: webhook, event inbox and its recovery loop (bot/wire-bot.ts). */
  bot: Bot;
  /** From now on /readyz answers 503 (load balancers stop sending traffic); close() follows. */
  draining(): void;
  close(): Promise<void>;
}

const DOCUMENT_RETRY_MS = 60_000;

export async function buildApplication(config: Config, overrides: Overrides = {}): Promise<Application> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  prepareDataDir(config.dataDir);
  const rawDb: Db = await openDatabase({ databaseUrl: config.databaseUrl, observeQueries: overrides.observeQueries });
  let announceWrite = () => {};
  const tracker = trackWrites(rawDb, () => announceWrite());
  const secrets = loadOrCreateSecrets(config);
  const clock = overrides.clock ?? systemClock;
  const blobs: BlobStore = createBlobStore({
    dataDir: config.dataDir,
    database: databaseBlobStore(tracker.db, () => clock.now()),
    s3: config.blobStore.kind === 's3' ? s3BlobStore(config.blobStore) : null,
    // The first failing request tells the operator (a wrong secret, a missing bucket): the detail carries S3's answer.
    onFailure: (detail) => raiseOperatorAlarm(ctx, { kind: 'blob_store_failed', subject: BLOB_STORE_SUBJECT, detail }),
    onRecovered: () => resolveOperatorAlarms(ctx, BLOB_STORE_SUBJECT),
  });
  const ctx: AppContext = {
    db: tracker.db,
    clock,
    config,
    events: new PortalEvents(),
    linkSecret: secrets.linkKey,
    dataVersion: tracker.version,
    bookkeepingDb: rawDb,
    // Bookkeeping writes go through the untracked client: they must not invalidate views.
    activity: new ActivityRecorder(rawDb, logger),
    customerNames: await openCustomerNameIndex(rawDb, config.databaseProvider),
    // Both dropped on any write of any process: this one's (tracked), others' (see onExternalWrite).
    viewCache: new VersionedCache<string>(tracker.version),
    linkCache: new VersionedCache(tracker.version, 10_000),
    logger,
    lineIdentity:
      overrides.lineIdentity ??
      (config.line.loginChannelId ? lineLoginVerifier({ verifyUrl: config.line.verifyUrl, channelId: config.line.loginChannelId }) : null),
    lineFriendship: config.line.channelAccessToken
      ? lineProfileFriendship({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: config.line.apiBaseUrl, logger })
      : null,
    richMenuLinks: config.line.channelAccessToken
      ? lineRichMenuApi({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: config.line.apiBaseUrl, dataApiBaseUrl: config.line.dataApiBaseUrl })
      : null,
    liffUrl: config.line.liffId ? liffUrlBuilder(config.line.liffId) : null,
    staffNotifier:
      overrides.staffNotifier ??
      (config.line.channelAccessToken
        ? lineStaffNotifier({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: config.line.apiBaseUrl, logger })
        : loggedStaffNotifier(logger)),
    pdfSealer:
      overrides.pdfSealer ??
      businessSealer({
        dataDir: config.dataDir,
        p12Path: config.signing.p12Path,
        p12Password: config.signing.p12Password,
        clock,
      }),
    documents: { storePending: () => issuer.storePending() },
    blobs,
  };
  // Files an earlier version kept in this DATA_DIR go into the store, so every instance reads them.
  await moveLegacyFiles(rawDb, blobs, config.dataDir, logger);
  const issuer = documentIssuer(ctx);
  // Another process on the same database (`npm run worker`, another instance) writes too: its
  // commits must invalidate this process's caches and reach open portals as live updates.
  const stageFeed = new StageChangeFeed(rawDb, ctx.events, ctx.clock.now());
  const onExternalWrite = async () => {
    tracker.bump();
    await stageFeed.check();
  };
  // SQLite: poll PRAGMA data_version. PostgreSQL: instances NOTIFY each other after their commits.
  let externalWrites: { stop(): void | Promise<void> };
  if (config.databaseProvider === 'sqlite') {
    externalWrites = watchExternalWrites(rawDb, onExternalWrite);
  } else {
    const changes = await watchPostgresChanges(
      postgresPoolConfig(config.databaseUrl),
      onExternalWrite,
      (error) => logger.warn({ err: error.message }, 'postgres change notices: connection problem'),
      // Not listening, other instances' writes go unnoticed: the caches serve nothing meanwhile.
      { lost: () => tracker.distrust(), restored: () => tracker.trust() },
    );
    announceWrite = () => changes.announce();
    externalWrites = changes;
  }
  const messaging = wireMessaging({
    ctx,
    db: rawDb,
    adminApiKey: secrets.adminApiKey,
    overrides: { documents: documentAttachments(ctx), ...overrides.messaging },
  });
  const firstInLine = await openFirstInLineLane(rawDb, config.databaseUrl);
  const bot = wireBot(ctx, {
    bookkeepingDb: rawDb,
    pollOnly: overrides.role === 'worker',
    firstInLine: (work) => firstInLine.run(work),
    background: inBackground,
    acknowledging: urgentWorkStarted,
    ...(config.databaseProvider === 'postgresql' ? { claimDueEvents: claimDueWebhookEvents } : {}),
  });
  const readiness = databaseReadiness(rawDb, config.databaseProvider);
  const app = createApp({
    ctx,
    logger,
    readiness: () => readiness.check(),
    adminApiKey: secrets.adminApiKey,
    mount: [
      ...bot.mount,
      ...messaging.routers,
      { path: '/api/webhooks/payments', router: paymentWebhookRouter(ctx) },
      { path: '/', router: verifyRouter(ctx) },
      { path: '/s', router: slipUrlRouter(ctx) },
    ],
    portal: {
      register: (router, withLink) => {
        registerDocumentRoutes(ctx)(router, withLink);
        registerHistoryRoute(ctx)(router, withLink);
        registerQuoteRoutes(ctx)(router, withLink);
      },
      recover: recoverRoute(ctx),
    },
  });
  if (config.runWorkers) messaging.start();
  if (config.runWorkers) bot.start();
  // Render jobs left by a process that stopped between a commit and its render, and failed ones.
  if (config.runWorkers) issuer.startRetries(DOCUMENT_RETRY_MS);
  return {
    app,
    ctx,
    adminApiKey: secrets.adminApiKey,
    logger,
    generatedSecrets: secrets.generated,
    messaging,
    bot,
    draining: () => readiness.shuttingDown(),
    close: async () => {
      readiness.shuttingDown();
      await externalWrites.stop();
      await bot.stop();
      await messaging.stop();
      await issuer.stop();
      await ctx.activity.flush();
      await firstInLine.close();
      await rawDb.$disconnect();
    },
  };
}
