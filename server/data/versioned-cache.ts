/**
 * A small cache whose entries are valid while the data version (data/change-tracker.ts, bumped
 * after every committed write in this process) is unchanged. With several instances (PostgreSQL),
 * other instances' writes are invisible to the counter, so entries also expire after `maxAgeMs`
 * — or the cache is not used at all where staleness is unacceptable (see links.ts).
 */
export class VersionedCache<T> {
  readonly #entries = new Map<string, { value: T; version: number; at: number }>();

  private readonly currentVersion: () => number;
  private readonly maxAgeMs: number | null;
  private readonly maxEntries: number;

  constructor(currentVersion: () => number, maxAgeMs: number | null, maxEntries = 1000) {
    this.currentVersion = currentVersion;
    this.maxAgeMs = maxAgeMs;
    this.maxEntries = maxEntries;
  }

  get(key: string, nowMs: number): { value: T; version: number } | null {
    const hit = this.#entries.get(key);
    if (!hit) return null;
    if (hit.version !== this.currentVersion() || (this.maxAgeMs !== null && nowMs - hit.at > this.maxAgeMs)) {
      this.#entries.delete(key);
      return null;
    }
    return { value: hit.value, version: hit.version };
  }

  /** `version` must be read BEFORE the data was loaded, so a write during the load invalidates it. */
  set(key: string, value: T, version: number, nowMs: number): void {
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, version, at: nowMs });
  }
}
