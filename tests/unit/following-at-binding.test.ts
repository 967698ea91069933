/** "Following" at binding comes from LINE only: its profile answer, else the last follow event, else false. */
import { describe, expect, it } from 'vitest';
import { followingAtBinding } from '../../server/services/line-users.ts';

const now = new Date('2026-11-25T03:00:00.000Z');
const earlier = new Date('2026-11-20T03:00:00.000Z');

describe('followingAtBinding', () => {
  it.each([
    ['LINE says friend', true, null, { following: true, followChangedAt: now }],
    [
      'LINE says not a friend, though an old follow event said so',
      false,
      { following: true, followChangedAt: earlier },
      { following: false, followChangedAt: now },
    ],
    ['LINE cannot tell; a follow event was seen', null, { following: true, followChangedAt: earlier }, { following: true, followChangedAt: earlier }],
    ['LINE cannot tell; an unfollow event was seen', null, { following: false, followChangedAt: earlier }, { following: false, followChangedAt: earlier }],
    [
      'LINE cannot tell; no event ever (a row left by an old binding says true)',
      null,
      { following: true, followChangedAt: null },
      { following: false, followChangedAt: null },
    ],
    ['LINE cannot tell; a new account', null, null, { following: false, followChangedAt: null }],
  ] as const)('%s', (_label, friend, existing, expected) => {
    expect(followingAtBinding(friend, existing, now)).toEqual(expected);
  });
});
