/**
 * Thai bank codes (the 3-digit "sending bank" in a slip's mini QR, Bank of Thailand numbering)
 * and the names staff know them by. An unknown code is shown as the code itself.
 */
import type { Lang } from './labels.ts';

export const THAI_BANKS: Readonly<Record<string, { th: string; en: string }>> = {
  '002': { th: 'ธนาคารกรุงเทพ', en: 'Bangkok Bank' },
  '004': { th: 'ธนาคารกสิกรไทย', en: 'Kasikornbank' },
  '006': { th: 'ธนาคารกรุงไทย', en: 'Krungthai Bank' },
  '011': { th: 'ธนาคารทหารไทยธนชาต', en: 'TMBThanachart Bank (ttb)' },
  '014': { th: 'ธนาคารไทยพาณิชย์', en: 'Siam Commercial Bank' },
  '017': { th: 'ธนาคารซิตี้แบงก์', en: 'Citibank' },
  '020': { th: 'ธนาคารสแตนดาร์ดชาร์เตอร์ด', en: 'Standard Chartered' },
  '022': { th: 'ธนาคารซีไอเอ็มบี ไทย', en: 'CIMB Thai' },
  '024': { th: 'ธนาคารยูโอบี', en: 'UOB' },
  '025': { th: 'ธนาคารกรุงศรีอยุธยา', en: 'Krungsri (Bank of Ayudhya)' },
  '030': { th: 'ธนาคารออมสิน', en: 'Government Savings Bank' },
  '033': { th: 'ธนาคารอาคารสงเคราะห์', en: 'Government Housing Bank' },
  '034': { th: 'ธ.ก.ส.', en: 'BAAC' },
  '035': { th: 'ธนาคารเพื่อการส่งออกและนำเข้า', en: 'EXIM Bank' },
  '066': { th: 'ธนาคารอิสลามแห่งประเทศไทย', en: 'Islamic Bank of Thailand' },
  '067': { th: 'ธนาคารทิสโก้', en: 'TISCO Bank' },
  '069': { th: 'ธนาคารเกียรตินาคินภัทร', en: 'Kiatnakin Phatra Bank' },
  '070': { th: 'ธนาคารไอซีบีซี (ไทย)', en: 'ICBC (Thai)' },
  '071': { th: 'ธนาคารไทยเครดิต', en: 'Thai Credit Bank' },
  '073': { th: 'ธนาคารแลนด์ แอนด์ เฮ้าส์', en: 'LH Bank' },
  '098': { th: 'ธนาคารพัฒนาวิสาหกิจขนาดกลางและขนาดย่อม', en: 'SME D Bank' },
};

/** "ธนาคารกสิกรไทย (004)" / "Kasikornbank (004)"; the bare code when it is not in the table. */
export function bankName(code: string, lang: Lang): string {
  const bank = THAI_BANKS[code];
  return bank ? `${bank[lang]} (${code})` : code;
}
