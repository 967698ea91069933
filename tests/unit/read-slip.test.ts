/**
 * Reading the mini QR of Thai bank slips from the kinds of images clients send: screenshots,
 * sideways and upside-down photos, small and JPEG-compressed copies, blur, WebP, EXIF-rotated
 * phone photos. Every variant must read back the exact bank and reference; images without a
 * slip QR (or with a QR that is not a slip's) are "not readable", never an error.
 */
import { describe, it, expect } from 'vitest';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { readSlip } from '../../server/payments/read-slip.ts';
import { SLIP_VARIANTS, slipPayload, slipPng, slipVariant } from '../helpers/slip-image.ts';

const TRANS_REF = '016330123456ABCD5678';

describe('readSlip', async () => {
  const png = await slipPng(slipPayload(TRANS_REF, '014'));

  it.each(SLIP_VARIANTS)('reads the bank and reference from a %s slip', async (variant) => {
    const image = await slipVariant(png, variant);
    expect(await readSlip(image)).toEqual({ readable: true, sendingBank: '014', transRef: TRANS_REF });
  });

  it('reads a slip whose QR is small on a large photo', async () => {
    const small = await slipPng(slipPayload(TRANS_REF, '014'), { qrPixels: 90 });
    const photo = await sharp(small).resize({ width: 1800 }).jpeg({ quality: 75 }).toBuffer();
    expect(await readSlip(photo)).toMatchObject({ readable: true, transRef: TRANS_REF });
  });

  it('says "not readable" for a slip without a QR, a QR that is not a slip, and bytes that are no image', async () => {
    expect(await readSlip(await slipPng(null))).toEqual({ readable: false });
    const promptPayQr = await QRCode.toBuffer('00020101021129370016A000000677010111011300668123456785802TH53037646304ABCD', { width: 200 });
    expect(await readSlip(promptPayQr)).toEqual({ readable: false });
    // A slip payload with a broken checksum is not a slip.
    const forged = slipPayload(TRANS_REF, '014').replace(/.{4}$/, '0000');
    expect(await readSlip(await slipPng(forged))).toEqual({ readable: false });
    expect(await readSlip(Buffer.from('<html>not an image</html>'))).toEqual({ readable: false });
  });
});
