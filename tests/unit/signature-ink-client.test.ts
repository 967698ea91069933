/**
 * The portal refuses a signature before sending it with the same test the server applies (both
 * use server/domain/signature-ink-rule.ts, an import-free module the page may import): the same
 * verdict on the same images — a page that let through what the server refuses would leave the
 * client with a confusing error after signing.
 */
import { describe, it, expect } from 'vitest';
import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import { signatureProblem } from '../../server/domain/signature-ink-rule.ts';
import { assertSignatureInk } from '../../server/domain/signature-ink.ts';
import { blankWhitePng, signaturePng, tinyScribblePng } from '../helpers/signature-png.ts';

/** A transparent 400×120 pad with one horizontal stroke `length` px long and `thickness` px thick. */
function stroke(length: number, thickness: number, height = thickness) {
  const width = 400;
  const data = new Uint8Array(width * 120 * 4);
  for (let y = 40; y < 40 + Math.max(thickness, height); y++) {
    for (let x = 50; x < 50 + length; x++) {
      // A vertical tick at the start gives the box its height without adding much ink.
      if (y >= 40 + thickness && x >= 50 + thickness) continue;
      data.set([16, 24, 40, 255], (y * width + x) * 4);
    }
  }
  return { width, height: 120, data };
}

const decode = (png: Buffer) => {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: image.data };
};

const serverVerdict = (image: { width: number; height: number; data: Uint8Array }) => {
  try {
    assertSignatureInk(image);
    return null;
  } catch (error) {
    return /empty/.test((error as Error).message) ? 'empty' : 'small';
  }
};

describe('the page checks a signature as the server does', () => {
  it('the page imports the shared rule, not a copy', () => {
    const page = readFileSync(new URL('../../liff/src/screens/quote-sign.tsx', import.meta.url), 'utf8');
    expect(page).toMatch(/from '\.\.\/\.\.\/\.\.\/server\/domain\/signature-ink-rule\.ts'/);
  });

  it.each([
    ['a real signature', decode(signaturePng()), null],
    ['a blank white pad', decode(blankWhitePng()), 'empty'],
    ['a dot', decode(tinyScribblePng()), 'small'],
    ['a long thin line (enough ink, too flat)', stroke(300, 2), 'small'],
    ['a short tick (tall enough, too little ink)', stroke(45, 2, 20), 'small'],
    ['a stroke just big enough', stroke(100, 2, 16), null],
  ] as const)('%s: same verdict', (_name, image, expected) => {
    expect(signatureProblem(image)).toBe(expected);
    expect(serverVerdict(image)).toBe(expected);
  });
});
