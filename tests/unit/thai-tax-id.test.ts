import { describe, expect, it } from 'vitest';
import { isValidThaiTaxId, parseThaiTaxId, thaiTaxIdCheckDigit } from '../../server/domain/thai-tax-id.ts';

describe('thaiTaxIdCheckDigit (mod 11)', () => {
  it.each([
    // 0·13+1·12+0·11+5·10+5·9+6·8+1·7+2·6+3·5+4·4+5·3+6·2 = 232; 232 mod 11 = 1; (11−1) mod 10 = 0
    ['010556123456', 0],
    ['010556401234', 7],
    ['310060123456', 5],
    ['123456789012', 1],
  ])('%s → %i', (first12, digit) => {
    expect(thaiTaxIdCheckDigit(first12)).toBe(digit);
  });

  it('needs exactly 12 digits', () => {
    expect(() => thaiTaxIdCheckDigit('12345')).toThrow(RangeError);
  });
});

describe('isValidThaiTaxId', () => {
  it.each([
    ['0105561234560', true],
    ['0105564012347', true],
    ['3100601234565', true],
    ['1234567890121', true],
    ['0105558000001', false], // the audit's example: wrong check digit
    ['0125561012345', false],
    ['0105561234561', false],
    ['010556123456', false],
    ['01055612345600', false],
    ['010556123456a', false],
  ])('%s → %s', (id, valid) => {
    expect(isValidThaiTaxId(id)).toBe(valid);
  });
});

describe('parseThaiTaxId', () => {
  it.each([
    ['0105561234560', '0105561234560'],
    ['0-1055-61234-56-0', '0105561234560'],
    ['0 1055 61234 56 0', '0105561234560'],
    [' 0105564012347 ', '0105564012347'],
    ['๐๑๐๕๕๖๔๐๑๒๓๔๗', '0105564012347'],
  ])('accepts %j as %s', (typed, stored) => {
    expect(parseThaiTaxId(typed)).toEqual({ ok: true, taxId: stored });
  });

  it.each([
    ['0105558000001', 'check_digit'],
    ['0-1055-61234-56-1', 'check_digit'],
    ['010556123456', 'format'],
    ['0105.5612.3456.0', 'format'],
    ['TH0105561234560', 'format'],
    ['', 'format'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parseThaiTaxId(typed)).toEqual({ ok: false, problem });
  });
});
