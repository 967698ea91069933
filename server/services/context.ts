/** Everything a use case may touch, passed explicitly (no globals): built in the composition root. */
import type { Config } from '../config/config.ts';
import type { Db } from '../data/database.ts';
import type { Clock } from './ports.ts';
import type { PortalEvents } from './portal-events.ts';

export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  events: PortalEvents;
  /** Secret for sealing portal tokens (AES-256-GCM key material, never stored in the database). */
  linkSecret: Buffer;
}
