/**
 * Slip QR reading on generated slip-like images (tests/helpers/slip-image.ts): read rate and time
 * per image for each variant, with the production reader (sharp + zxing-wasm + promptparse) and,
 * for comparison, jsqr on the same decoded pixels.
 */
import sharp from 'sharp';
import jsQRModule from 'jsqr';
import { readSlip } from '../server/payments/read-slip.ts';
import { SLIP_VARIANTS, slipPayload, slipPng, slipVariant } from '../tests/helpers/slip-image.ts';

const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as (
  d: Uint8ClampedArray,
  w: number,
  h: number,
) => { data: string } | null;
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await readSlip(await slipPng(null)); // compile the wasm once, outside the figures
let read = 0;
let total = 0;
console.log('variant          bytes   zxing read  median ms   jsqr read');
for (const variant of SLIP_VARIANTS) {
  const times: number[] = [];
  let ok = 0;
  let jsqrOk = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const transRef = `0161${variant.length}${i}000000ABCDEF`.slice(0, 20);
    const image = await slipVariant(await slipPng(slipPayload(transRef)), variant);
    const t0 = performance.now();
    const r = await readSlip(image);
    times.push(performance.now() - t0);
    if (r.transRef === transRef) ok++;
    const { data, info } = await sharp(image).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    if (jsQR(new Uint8ClampedArray(data), info.width, info.height)) jsqrOk++;
    if (i === 0) process.stdout.write(`${variant.padEnd(15)} ${String(image.length).padStart(6)}`);
  }
  read += ok;
  total += ROUNDS;
  console.log(`   ${ok}/${ROUNDS}        ${median(times).toFixed(1).padStart(6)}      ${jsqrOk}/${ROUNDS}`);
}
console.log(`\nread rate ${read}/${total} (${((100 * read) / total).toFixed(0)} %)`);
