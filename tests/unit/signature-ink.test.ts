import { describe, expect, it } from 'vitest';
import { assertSignatureInk, inkStats, SIGNATURE_MIN_INKED_PIXELS } from '../../server/domain/signature-ink.ts';
import { expectDomainError } from './expect-domain-error.ts';

function image(
  width: number,
  height: number,
  ink: (x: number, y: number) => [number, number, number, number] | null,
  bg: [number, number, number, number] = [0, 0, 0, 0],
) {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(ink(x, y) ?? bg, (y * width + x) * 4);
  return { width, height, data };
}
const DARK: [number, number, number, number] = [10, 10, 60, 255];

describe('signature ink', () => {
  it('counts visible, non-white pixels and their bounding box', () => {
    const stats = inkStats(image(100, 50, (x, y) => (x >= 10 && x < 70 && y >= 20 && y < 24 ? DARK : null)));
    expect(stats).toEqual({ inkedPixels: 240, box: { width: 60, height: 4 } });
  });

  it('ignores white and near-transparent pixels', () => {
    expect(inkStats(image(50, 50, () => [250, 250, 250, 255])).inkedPixels).toBe(0);
    expect(inkStats(image(50, 50, () => [0, 0, 0, 10])).inkedPixels).toBe(0);
  });

  it.each([
    ['an empty pad', image(300, 100, () => null), /empty/],
    ['a white canvas', image(300, 100, () => null, [255, 255, 255, 255]), /empty/],
    ['a dot', image(300, 100, (x, y) => (x < 8 && y < 8 ? DARK : null)), /too small/],
    ['a flat line (wide, 1 px high)', image(300, 100, (x, y) => (y === 50 && x < 290 ? DARK : null)), /too small/],
    ['a tall narrow tick', image(300, 100, (x, y) => (x >= 5 && x < 8 && y < 90 ? DARK : null)), /too small/],
  ])('refuses %s (field signature)', (_label, img, message) => {
    expectDomainError(() => assertSignatureInk(img), 'VALIDATION', 'signature');
    expect(() => assertSignatureInk(img)).toThrow(message);
  });

  it('accepts a short real signature: enough ink across a 40×15 box', () => {
    const img = image(300, 100, (x, y) => (x >= 20 && x < 120 && Math.abs(y - (40 + 15 * Math.sin(x / 10))) < 1.5 ? DARK : null));
    const stats = assertSignatureInk(img);
    expect(stats.inkedPixels).toBeGreaterThanOrEqual(SIGNATURE_MIN_INKED_PIXELS);
  });
});
