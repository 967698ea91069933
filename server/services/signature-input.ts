/**
 * Checks what a client submits to sign a quote: the typed name and the drawn signature (a PNG data
 * URL from the pad). Every refusal names its field and carries a Thai/English sentence.
 */
import { PNG } from 'pngjs';
import { clientError } from '../domain/errors.ts';
import { SIGNATURE_MAX_BYTES, SIGNATURE_MAX_SIDE, assertSignatureInk } from '../domain/signature-ink.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
// C0/C1 controls and the bidi overrides/isolates that can make a printed name read differently.
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const SIGNER_NAME_MAX = 120;

const notPng = () =>
  clientError('VALIDATION', { th: 'ลายเซ็นต้องเป็นรูปภาพ PNG จากช่องเซ็นชื่อ', en: 'signature must be a PNG image from the signature pad' }, { field: 'signature' });

export function parseSignerName(value: unknown): string {
  const name = typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
  if (!name) throw clientError('VALIDATION', { th: 'กรุณาพิมพ์ชื่อผู้ลงนาม', en: 'name is required: please type your name' }, { field: 'name' });
  if ([...name].length > SIGNER_NAME_MAX) {
    throw clientError('VALIDATION', { th: `ชื่อยาวเกิน ${SIGNER_NAME_MAX} ตัวอักษร`, en: `name must be at most ${SIGNER_NAME_MAX} characters` }, { field: 'name' });
  }
  if (UNSAFE_NAME_CHARS.test(name)) {
    throw clientError('VALIDATION', { th: 'ชื่อมีอักขระที่ใช้ไม่ได้', en: 'name contains characters that are not allowed' }, { field: 'name' });
  }
  return name;
}

/** The PNG bytes of a real, non-trivial signature. */
export function parseSignaturePng(value: unknown): Buffer {
  if (typeof value !== 'string' || value.length === 0) {
    throw clientError('VALIDATION', { th: 'ยังไม่มีลายเซ็น กรุณาเซ็นชื่อในกรอบ', en: 'signature is required: please sign in the box' }, { field: 'signature' });
  }
  // Base64 is 4/3 of the bytes: refuse oversized input before decoding it.
  if (value.length > Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 64) {
    throw clientError('VALIDATION', { th: 'ไฟล์ลายเซ็นใหญ่เกิน 1 MB', en: 'signature is larger than 1 MB' }, { field: 'signature' });
  }
  const match = DATA_URL.exec(value);
  if (!match) throw notPng();
  const bytes = Buffer.from(match[1]!, 'base64');
  if (bytes.length > SIGNATURE_MAX_BYTES) {
    throw clientError('VALIDATION', { th: 'ไฟล์ลายเซ็นใหญ่เกิน 1 MB', en: 'signature is larger than 1 MB' }, { field: 'signature' });
  }
  if (bytes.length < PNG_MAGIC.length || !bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) throw notPng();
  // Width and height sit in the IHDR chunk; check them before inflating (a tiny file can claim a huge canvas).
  const width = bytes.length >= 24 ? bytes.readUInt32BE(16) : 0;
  const height = bytes.length >= 24 ? bytes.readUInt32BE(20) : 0;
  if (width === 0 || height === 0 || width > SIGNATURE_MAX_SIDE || height > SIGNATURE_MAX_SIDE) throw notPng();
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch {
    throw notPng();
  }
  assertSignatureInk({ width: image.width, height: image.height, data: image.data });
  return bytes;
}
