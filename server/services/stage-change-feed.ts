/**
 * Job stage changes and link revocations committed by OTHER processes (a worker answering a LINE
 * command), turned into portal events here. Asked to look only when the database says another connection wrote
 * (data/external-writes.ts), so an idle portal costs nothing.
 */
import type { Db } from '../data/database.ts';
import { linksRevokedEvent, type PortalEvents } from './portal-events.ts';

/** Clocks of different processes may differ a little; look back this far and rely on ids. */
const OVERLAP_MS = 5_000;

export class StageChangeFeed {
  #cursor: Date;
  #revokedCursor: Date;

  private readonly db: Db;
  private readonly events: PortalEvents;

  constructor(db: Db, events: PortalEvents, now: Date) {
    this.db = db;
    this.events = events;
    this.#cursor = now;
    this.#revokedCursor = now;
  }

  async check(): Promise<number> {
    const since = new Date(this.#cursor.getTime() - OVERLAP_MS);
    const changes = await this.db.jobStageChange.findMany({
      where: { changedAt: { gt: since } },
      orderBy: { changedAt: 'asc' },
      take: 500,
      select: { id: true, jobId: true, stage: true, note: true, changedAt: true, job: { select: { customerId: true } } },
    });
    for (const c of changes) {
      this.events.publish({
        type: 'job.stage',
        changeId: c.id,
        customerId: c.job.customerId,
        jobId: c.jobId,
        stage: c.stage,
        at: c.changedAt.toISOString(),
        note: c.note,
      });
      if (c.changedAt > this.#cursor) this.#cursor = c.changedAt;
    }
    return changes.length + (await this.#checkRevocations());
  }

  /** Open live streams of a link revoked elsewhere close within one data_version poll. */
  async #checkRevocations(): Promise<number> {
    const since = new Date(this.#revokedCursor.getTime() - OVERLAP_MS);
    const revoked = await this.db.portalLink.findMany({
      where: { revokedAt: { gt: since } },
      orderBy: { revokedAt: 'asc' },
      take: 500,
      select: { id: true, customerId: true, revokedAt: true },
    });
    for (const link of revoked) {
      this.events.publish(linksRevokedEvent(link.customerId, link.id));
      if (link.revokedAt! > this.#revokedCursor) this.#revokedCursor = link.revokedAt!;
    }
    return revoked.length;
  }
}
