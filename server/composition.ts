/**
 * The composition root: reads config, opens the database, builds the ports (real adapters when
 * credentials exist, local fakes otherwise) and the Express app. server/main.ts runs it; the
 * integration tests run the very same function with test overrides.
 */
import type { Express } from 'express';
import type { Config } from './config/config.ts';
import { openDatabase, type Db } from './data/database.ts';
import { createLogger, type Logger } from './logger.ts';
import { loadOrCreateSecrets } from './secrets.ts';
import { systemClock, type Clock } from './services/ports.ts';
import { PortalEvents } from './services/portal-events.ts';
import type { AppContext } from './services/context.ts';
import { createApp } from './http/app.ts';

export interface Overrides {
  clock?: Clock;
  logger?: Logger;
}

export interface Application {
  app: Express;
  ctx: AppContext;
  adminApiKey: string;
  logger: Logger;
  generatedSecrets: string[];
  close(): Promise<void>;
}

export async function buildApplication(config: Config, overrides: Overrides = {}): Promise<Application> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const db: Db = await openDatabase({ databaseUrl: config.databaseUrl });
  const secrets = loadOrCreateSecrets(config);
  const ctx: AppContext = {
    db,
    clock: overrides.clock ?? systemClock,
    config,
    events: new PortalEvents(),
    linkSecret: secrets.linkKey,
  };
  const app = createApp({ ctx, logger, adminApiKey: secrets.adminApiKey });
  return {
    app,
    ctx,
    adminApiKey: secrets.adminApiKey,
    logger,
    generatedSecrets: secrets.generated,
    close: async () => {
      await db.$disconnect();
    },
  };
}
