/**
 * Serialised portal views, reused until the data changes. Validity is the data version of
 * data/change-tracker.ts (bumped after every committed write in this process) plus the Bangkok
 * date (overdue flips at midnight). With several instances (PostgreSQL), another instance's
 * writes are not seen by this counter, so entries also expire after `maxAgeMs`.
 */
export interface CachedView {
  json: string;
  version: number;
  at: number;
}

export class PortalViewCache {
  readonly #entries = new Map<string, CachedView>();

  constructor(
    private readonly currentVersion: () => number,
    private readonly maxAgeMs: number | null,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, nowMs: number): string | null {
    const hit = this.#entries.get(key);
    if (!hit) return null;
    if (hit.version !== this.currentVersion() || (this.maxAgeMs !== null && nowMs - hit.at > this.maxAgeMs)) {
      this.#entries.delete(key);
      return null;
    }
    return hit.json;
  }

  /** `version` must be read BEFORE the data was loaded, so a write during the load invalidates it. */
  set(key: string, json: string, version: number, nowMs: number): void {
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { json, version, at: nowMs });
  }
}
