/**
 * Slip-like images for tests: a white 600×900 "bank slip" with grey text bars and, near the bottom,
 * the mini QR a Thai bank prints (a Slip Verify payload made by promptparse's generator). Variants
 * imitate what clients send: screenshots, rotated photos, small and JPEG-compressed copies, blur.
 */
import QRCode from 'qrcode';
import sharp from 'sharp';
import { slipVerify } from 'promptparse/generate';

export function slipPayload(transRef: string, sendingBank = '004'): string {
  return slipVerify({ sendingBank, transRef });
}

export async function slipPng(payload: string | null, opts: { qrPixels?: number } = {}): Promise<Buffer> {
  const bars = [80, 140, 200, 260, 320, 380, 440].map((top, i) => ({
    input: { create: { width: i % 2 ? 360 : 480, height: 22, channels: 3 as const, background: { r: 90, g: 90, b: 90 } } },
    left: 60,
    top,
  }));
  const qr = payload
    ? [{ input: await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'L', margin: 1, width: opts.qrPixels ?? 150 }), left: 390, top: 690 }]
    : [];
  return sharp({ create: { width: 600, height: 900, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([{ input: { create: { width: 600, height: 50, channels: 3, background: { r: 20, g: 120, b: 60 } } }, left: 0, top: 0 }, ...bars, ...qr])
    .png()
    .toBuffer();
}

export type SlipVariant = 'png' | 'rot90' | 'rot180' | 'rot7-jpeg70' | 'half-jpeg60' | 'third-jpeg50' | 'blur-jpeg80' | 'webp' | 'exif-rot90';

/** One variant of a slip PNG. */
export async function slipVariant(png: Buffer, variant: SlipVariant): Promise<Buffer> {
  const img = () => sharp(png);
  switch (variant) {
    case 'png':
      return png;
    case 'rot90':
      return img().rotate(90).png().toBuffer();
    case 'rot180':
      return img().rotate(180).png().toBuffer();
    case 'rot7-jpeg70':
      return img().rotate(7, { background: '#ffffff' }).jpeg({ quality: 70 }).toBuffer();
    case 'half-jpeg60':
      return img().resize({ width: 300 }).jpeg({ quality: 60 }).toBuffer();
    case 'third-jpeg50':
      return img().resize({ width: 210 }).jpeg({ quality: 50 }).toBuffer();
    case 'blur-jpeg80':
      return img().blur(1.2).jpeg({ quality: 80 }).toBuffer();
    case 'webp':
      return img().webp({ quality: 80 }).toBuffer();
    // A phone photo stored sideways with an EXIF orientation tag (6 = rotate 90° clockwise to view).
    case 'exif-rot90':
      return img().rotate(-90).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer();
  }
}

export const SLIP_VARIANTS: SlipVariant[] = ['png', 'rot90', 'rot180', 'rot7-jpeg70', 'half-jpeg60', 'third-jpeg50', 'blur-jpeg80', 'webp', 'exif-rot90'];
