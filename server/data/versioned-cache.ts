/**
 * A small cache whose entries are valid while the data version (data/change-tracker.ts) is
 * unchanged. The version moves after every committed write of this process and on every notice of
 * another process's write; while such notices may be lost, each read of the version is a new one,
 * so nothing is served from here (and nothing lasting is stored).
 */
export class VersionedCache<T> {
  readonly #entries = new Map<string, { value: T; version: number }>();

  private readonly currentVersion: () => number;
  private readonly maxEntries: number;

  constructor(currentVersion: () => number, maxEntries = 1000) {
    this.currentVersion = currentVersion;
    this.maxEntries = maxEntries;
  }

  get(key: string): { value: T; version: number } | null {
    const hit = this.#entries.get(key);
    if (!hit) return null;
    if (hit.version !== this.currentVersion()) {
      this.#entries.delete(key);
      return null;
    }
    return { value: hit.value, version: hit.version };
  }

  /** `version` must be read BEFORE the data was loaded, so a write during the load invalidates it. */
  set(key: string, value: T, version: number): void {
    // A write committed while loading: the value may predate it, and could never be served anyway.
    if (version !== this.currentVersion()) return;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, version });
  }
}
