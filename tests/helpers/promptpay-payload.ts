/**
 * An independent reader of Thai QR (EMVCo) payloads for tests: parses the TLV fields and checks
 * the CRC-16/CCITT-FALSE, as a banking app would before accepting the code.
 */
function tlv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len)) throw new Error(`bad TLV at ${i}`);
    out.set(id, text.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export function parsePromptPayPayload(payload: string) {
  const fields = tlv(payload);
  const merchant = tlv(fields.get('29') ?? '');
  // Tag 30: bill payment (AID A000000677010112): 01 biller id, 02 reference 1, 03 reference 2.
  const bill = fields.has('30') ? tlv(fields.get('30')!) : null;
  const crcValid = payload.slice(-4).toUpperCase() === crc16(payload.slice(0, -4));
  const proxyType = merchant.has('01') ? 'phone' : merchant.has('02') ? 'taxId' : merchant.has('03') ? 'ewallet' : null;
  return {
    crcValid,
    formatIndicator: fields.get('00'),
    pointOfInitiation: fields.get('01'),
    aid: merchant.get('00'),
    proxyType,
    proxy: merchant.get('01') ?? merchant.get('02') ?? merchant.get('03') ?? null,
    /** '29' credit transfer to a PromptPay id, '30' bill payment; null when neither is there. */
    tag: fields.has('30') ? '30' : fields.has('29') ? '29' : null,
    billPayment: bill ? { aid: bill.get('00'), billerId: bill.get('01'), reference1: bill.get('02'), reference2: bill.get('03') ?? null } : null,
    currency: fields.get('53'),
    amount: fields.get('54'),
    country: fields.get('58'),
  };
}
