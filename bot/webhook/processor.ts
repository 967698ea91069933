/**
 * Runs recorded webhook events after LINE has had its 200: one chat's events one after another
 * in LINE's timestamp order (a "move job" must not overtake the "enrol" before it), different
 * chats in parallel. Also the recovery loop: events left behind by a crash or a failure are
 * picked up at start and then periodically.
 */
import type { Logger } from '../../server/logger.ts';
import type { Claim, InboxItem, WebhookInbox } from './inbox.ts';

const MAX_IN_FLIGHT = 4;
/** Events taken per recovery round, less those still queued here (claimed ones must not outwait their lease). */
const RECOVERY_BATCH = 100;

export type EventHandler = (raw: unknown, claim: Claim) => Promise<{ note?: string } | undefined>;
/** Runs handling as background work (server/data/background-work.ts): it holds back while acknowledgements are in progress. */
export type BackgroundLane = <T>(work: () => Promise<T>) => Promise<T>;

export class WebhookProcessor {
  readonly #inbox: WebhookInbox;
  readonly #handle: EventHandler;
  readonly #logger: Logger;
  readonly #background: BackgroundLane;
  readonly #lanes = new Map<string, Promise<void>>();
  readonly #running = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #inFlight = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(inbox: WebhookInbox, handle: EventHandler, logger: Logger, background: BackgroundLane = (work) => work()) {
    this.#inbox = inbox;
    this.#handle = handle;
    this.#logger = logger;
    this.#background = background;
  }

  enqueue(items: InboxItem[]): void {
    const ordered = [...items].sort((a, b) => a.timestamp - b.timestamp);
    for (const item of ordered) {
      const previous = this.#lanes.get(item.lane) ?? Promise.resolve();
      const run: Promise<void> = previous.then(() => this.#process(item));
      this.#lanes.set(item.lane, run);
      this.#running.add(run);
      void run.finally(() => {
        this.#running.delete(run);
        if (this.#lanes.get(item.lane) === run) this.#lanes.delete(item.lane);
      });
    }
  }

  /** Never rejects: a failure is written to the inbox for a later retry. */
  /**
   * Handling yields to the event loop first and runs at most MAX_IN_FLIGHT events at once:
   * database calls through the SQLite driver complete as microtasks, so an unbounded pile of
   * handlers would keep incoming webhooks from being read and acknowledged. LINE wants its 200
   * fast; the handling itself can wait a moment.
   */
  async #process(item: InboxItem): Promise<void> {
    await this.#slot();
    try {
      await this.#background(() => this.#handleOne(item));
    } finally {
      this.#inFlight--;
      this.#waiting.shift()?.();
    }
  }

  async #slot(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.#inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#inFlight++;
  }

  async #handleOne(item: InboxItem): Promise<void> {
    let claim: Claim | null = null;
    try {
      claim = item.claim && this.#inbox.holds(item.claim) ? item.claim : await this.#inbox.claim(item.id);
      if (!claim) return; // handled already, or by another worker right now
      const result = await this.#handle(item.raw, claim);
      await this.#inbox.complete(item.id, result?.note);
    } catch (error) {
      this.#logger.error(
        { eventId: item.id, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) },
        'LINE webhook event failed',
      );
      if (claim) await this.#inbox.fail(item.id, error, claim).catch(() => undefined);
    }
  }

  /** Queues events waiting in the inbox (up to a batch); returns how many. */
  async recover(): Promise<number> {
    const room = RECOVERY_BATCH - this.#running.size;
    if (room <= 0) return 0;
    const due = await this.#inbox.takeDue(room);
    this.enqueue(due);
    return due.length;
  }

  /** Resolves when nothing is being handled (tests, graceful shutdown). */
  async whenIdle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  start(intervalMs: number): void {
    if (this.#timer) return;
    const tick = () => {
      this.recover().catch((error: unknown) => this.#logger.error({ err: String(error) }, 'LINE webhook recovery failed'));
    };
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.whenIdle();
  }
}
