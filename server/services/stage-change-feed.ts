/**
 * Job stage changes committed by OTHER processes (a worker answering a LINE command), turned into
 * portal events here. Asked to look only when the database says another connection wrote
 * (data/external-writes.ts), so an idle portal costs nothing.
 */
import type { Db } from '../data/database.ts';
import type { PortalEvents } from './portal-events.ts';

/** Clocks of different processes may differ a little; look back this far and rely on ids. */
const OVERLAP_MS = 5_000;

export class StageChangeFeed {
  #cursor: Date;

  private readonly db: Db;
  private readonly events: PortalEvents;

  constructor(db: Db, events: PortalEvents, now: Date) {
    this.db = db;
    this.events = events;
    this.#cursor = now;
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
      this.events.publish({ type: 'job.stage', changeId: c.id, customerId: c.job.customerId, jobId: c.jobId, stage: c.stage, at: c.changedAt.toISOString(), note: c.note });
      if (c.changedAt > this.#cursor) this.#cursor = c.changedAt;
    }
    return changes.length;
  }
}
