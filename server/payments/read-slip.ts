/**
 * Reads the "mini QR" printed on Thai bank slips (Slip Verify payload: sending bank + transaction
 * reference). Slips arrive as phone screenshots (clean) or photos of a screen (rotated, small,
 * blurred, JPEG-compressed): sharp normalises the image (EXIF orientation, greyscale, small images
 * scaled up), zxing-wasm finds the QR (it copes with small codes; jsqr misses them), and
 * promptparse checks the payload's structure and CRC. A slip that cannot be read is not refused:
 * it goes to staff marked "no QR".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { slipVerify } from 'promptparse/validate';

export interface SlipReading {
  readable: boolean;
  sendingBank?: string;
  transRef?: string;
}

export interface SlipReader {
  read(image: Uint8Array): Promise<SlipReading>;
}

const READER_OPTIONS: ReaderOptions = { formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: false, maxNumberOfSymbols: 4 };
/** Below this the modules of a slip's QR get too few pixels to binarise; scale up first. */
const MIN_SIDE = 1000;
/** Photos from a phone camera are far larger than needed; reading is faster on a smaller copy. */
const MAX_SIDE = 2000;

let prepared = false;

/** The wasm binary ships in the package; zxing-wasm would otherwise fetch it from a CDN. */
function prepareReader(): void {
  if (prepared) return;
  const require = createRequire(import.meta.url);
  const wasmBinary = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer },
    fireImmediately: true,
  });
  prepared = true;
}

interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

async function normalise(image: Uint8Array): Promise<Grey> {
  const base = sharp(image, { failOn: 'none', limitInputPixels: 40_000_000 }).rotate();
  const meta = await base.clone().metadata();
  // metadata() reports the stored size; orientations 5–8 swap width and height when rotated.
  const swap = (meta.orientation ?? 1) >= 5;
  const width = (swap ? meta.height : meta.width) ?? 0;
  const height = (swap ? meta.width : meta.height) ?? 0;
  const longest = Math.max(width, height);
  let pipeline = base.greyscale();
  if (longest > 0 && longest < MIN_SIDE) pipeline = pipeline.resize({ width: Math.round((width * MIN_SIDE) / longest), kernel: 'lanczos3' });
  else if (longest > MAX_SIDE) pipeline = pipeline.resize({ width: Math.round((width * MAX_SIDE) / longest) });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** zxing-wasm takes RGBA pixels (it converts them to grey itself). */
function rgba(grey: Grey, crop?: { left: number; top: number; width: number; height: number }) {
  const area = crop ?? { left: 0, top: 0, width: grey.width, height: grey.height };
  const out = new Uint8ClampedArray(area.width * area.height * 4);
  for (let y = 0; y < area.height; y++) {
    const row = (area.top + y) * grey.width + area.left;
    for (let x = 0; x < area.width; x++) {
      const v = grey.data[row + x]!;
      const o = (y * area.width + x) * 4;
      out[o] = v;
      out[o + 1] = v;
      out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
  return { data: out, width: area.width, height: area.height, colorSpace: 'srgb' as const };
}

/** The halves and the bottom part of a slip, where banks print the QR, each read on its own. */
function crops(grey: Grey) {
  const { width: w, height: h } = grey;
  const half = (n: number) => Math.floor(n / 2);
  return [
    { left: 0, top: half(h), width: w, height: h - half(h) },
    { left: 0, top: 0, width: w, height: half(h) },
    { left: half(w), top: 0, width: w - half(w), height: h },
    { left: 0, top: 0, width: half(w), height: h },
  ].filter((c) => c.width >= 64 && c.height >= 64);
}

function verified(texts: string[]): SlipReading | null {
  for (const text of texts) {
    const data = slipVerify(text.trim());
    if (data?.sendingBank && data.transRef) return { readable: true, sendingBank: data.sendingBank, transRef: data.transRef };
  }
  return null;
}

export async function readSlip(image: Uint8Array): Promise<SlipReading> {
  prepareReader();
  let grey: Grey;
  try {
    grey = await normalise(image);
  } catch {
    return { readable: false };
  }
  const whole = await readBarcodes(rgba(grey), READER_OPTIONS);
  const found = verified(whole.map((r) => r.text));
  if (found) return found;
  // A large photo with the QR small in one corner: a crop gives the finder patterns more weight.
  for (const crop of crops(grey)) {
    const results = await readBarcodes(rgba(grey, crop), READER_OPTIONS);
    const inCrop = verified(results.map((r) => r.text));
    if (inCrop) return inCrop;
  }
  return { readable: false };
}

export const zxingSlipReader: SlipReader = { read: readSlip };
