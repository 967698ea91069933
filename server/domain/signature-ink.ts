/** The server's refusal of an empty or tiny signature, with the rule shared with the page. */
import { clientError } from './errors.ts';
import { type InkStats, inkStats, type RgbaImage, signatureProblem } from './signature-ink-rule.ts';

export * from './signature-ink-rule.ts';

export function assertSignatureInk(image: RgbaImage): InkStats {
  const problem = signatureProblem(image);
  if (problem === 'empty') {
    throw clientError('VALIDATION', { th: 'ยังไม่มีลายเซ็น กรุณาเซ็นชื่อในกรอบ', en: 'signature is empty: please sign in the box' }, { field: 'signature' });
  }
  if (problem === 'small') {
    throw clientError(
      'VALIDATION',
      { th: 'ลายเซ็นเล็กเกินไป กรุณาเซ็นให้เต็มกรอบ', en: 'signature is too small: please sign across the box' },
      { field: 'signature' },
    );
  }
  return inkStats(image);
}
