import { describe, expect, it } from 'vitest';
import { decodePostback, encodePostback, PB, POSTBACK_MAX_LENGTH, PostbackTooLongError } from '../../../bot/flex/postback.ts';

describe('postback data', () => {
  it('round-trips a compact payload', () => {
    const data = encodePostback({ a: PB.remind, i: 'inv_01HZX', n: 3, f: true, skip: undefined, none: null });
    expect(data).toBe('a=remind&i=inv_01HZX&n=3&f=true');
    expect(decodePostback(data)).toEqual({ a: 'remind', i: 'inv_01HZX', n: '3', f: 'true' });
  });

  it('escapes separators and non-ASCII values', () => {
    const payload = { a: PB.more, q: 'ศรี&สวัสดิ์=1%' };
    const data = encodePostback(payload);
    expect(data).not.toContain('ศ');
    expect(decodePostback(data)).toEqual(payload);
  });

  it('refuses data longer than 300 characters and bad keys', () => {
    expect(() => encodePostback({ a: 'x', d: 'y'.repeat(POSTBACK_MAX_LENGTH) })).toThrow(PostbackTooLongError);
    expect(encodePostback({ a: 'x', d: 'y'.repeat(POSTBACK_MAX_LENGTH - 6) })).toHaveLength(POSTBACK_MAX_LENGTH);
    expect(() => encodePostback({ 'a&b': 'x' })).toThrow(TypeError);
  });

  it('decodes hostile input without throwing', () => {
    expect(decodePostback('a=%E0%A4%A&b=ok&=x&c&__proto__=1&b=second')).toEqual({ b: 'ok' });
    expect(decodePostback('x'.repeat(301))).toEqual({});
    expect(decodePostback('')).toEqual({});
  });
});
