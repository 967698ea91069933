/** The rule every cached read model relies on: the version read before loading decides. */
import { describe, it, expect } from 'vitest';
import { VersionedCache } from '../../server/data/versioned-cache.ts';

function counter() {
  let version = 0;
  let trusted = true;
  return {
    // The same contract as data/change-tracker.ts: while untrusted, every read is a new version.
    read: () => (trusted ? version : ++version),
    bump: () => {
      version++;
    },
    setTrusted: (value: boolean) => {
      trusted = value;
    },
  };
}

describe('VersionedCache', () => {
  it('serves an entry until the version moves', () => {
    const v = counter();
    const cache = new VersionedCache<string>(v.read);
    cache.set('a', 'view', v.read());
    expect(cache.get('a')).toEqual({ value: 'view', version: 0 });
    v.bump();
    expect(cache.get('a')).toBeNull();
  });

  it('does not keep what was loaded while a write committed (version read before the load)', () => {
    const v = counter();
    const cache = new VersionedCache<string>(v.read);
    const before = v.read();
    v.bump(); // another instance's notice arrives during the load
    cache.set('a', 'maybe stale', before);
    expect(cache.get('a')).toBeNull();
    cache.set('a', 'fresh', v.read());
    expect(cache.get('a')?.value).toBe('fresh');
  });

  it('serves and keeps nothing while the version cannot be trusted, and every read has its own version', () => {
    const v = counter();
    const cache = new VersionedCache<string>(v.read);
    cache.set('a', 'old', v.read());
    v.setTrusted(false);
    expect(cache.get('a')).toBeNull();
    const version = v.read();
    cache.set('b', 'built while untrusted', version);
    expect(cache.get('b')).toBeNull();
    expect(v.read()).not.toBe(version);
  });

  it('drops the oldest entry when full', () => {
    const v = counter();
    const cache = new VersionedCache<number>(v.read, 2);
    cache.set('a', 1, v.read());
    cache.set('b', 2, v.read());
    cache.set('c', 3, v.read());
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')?.value).toBe(2);
    expect(cache.get('c')?.value).toBe(3);
  });
});
