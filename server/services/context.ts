/** Everything a use case may touch, passed explicitly (no globals): built in the composition root. */
import type { Config } from '../config/config.ts';
import type { Db } from '../data/database.ts';
import type { Clock, DocumentIssuer, LiffUrlBuilder, LineFriendship, LineIdentityVerifier, PdfSealer, RichMenuLinks, StaffNotifier } from './ports.ts';
import type { PortalEvents } from './portal-events.ts';
import type { ActivityRecorder } from './activity.ts';
import type { VersionedCache } from '../data/versioned-cache.ts';
import type { Logger } from '../logger.ts';
import type { CachedLink } from './cached-link.ts';
import type { CustomerNameIndex } from '../data/customer-name-index.ts';
import type { BlobStore } from '../data/blob-store.ts';

export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  events: PortalEvents;
  /** Secret for sealing portal tokens (AES-256-GCM key material, never stored in the database). */
  linkSecret: Buffer;
  /** Bumped after every committed write (data/change-tracker.ts); read models compare it. */
  dataVersion: () => number;
  /**
   * The same database without write tracking, for bookkeeping that changes nothing a client sees
   * (rate-limit counts): such writes must not invalidate the caches of every instance.
   */
  bookkeepingDb: Db;
  activity: ActivityRecorder;
  /** Serialised portal views by scope (portal/open-portal.ts). */
  viewCache: VersionedCache<string>;
  /** Resolved links by token hash (a revocation on any instance bumps the data version). */
  linkCache: VersionedCache<CachedLink>;
  logger: Logger;
  /** Prefilter of the staff customer search (data/customer-name-index.ts). */
  customerNames: CustomerNameIndex;
  /** Null when no LINE Login channel is configured. */
  lineIdentity: LineIdentityVerifier | null;
  /** Null when no Messaging API channel is configured: following then comes from follow events only. */
  lineFriendship: LineFriendship | null;
  /** Null when no Messaging API channel is configured: staff then have no rich menu of their own. */
  richMenuLinks: RichMenuLinks | null;
  /** Null when no LIFF app is configured: links then open in the browser only. */
  liffUrl: LiffUrlBuilder | null;
  /** Tells staff in LINE when a client accepts or declines a quote. */
  staffNotifier: StaffNotifier;
  /** Stores issued legal documents right after the change that issued them (services/document-snapshots.ts). */
  documents: DocumentIssuer;
  /** Where issued PDFs and uploads are kept (the database, or S3): every instance reads them. */
  blobs: BlobStore;
  /** Seals signed quotes with the business's certificate. */
  pdfSealer: PdfSealer;
}
