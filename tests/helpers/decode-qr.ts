/** Reads a QR code back from a PNG (a rendered QR or a screenshot), as a phone camera would. */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr ships CommonJS with `export default`; under NodeNext the callable is on `.default` at type level.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
