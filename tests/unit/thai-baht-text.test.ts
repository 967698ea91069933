import { describe, expect, it } from 'vitest';
import { bahtText, englishAmountText } from '../../server/domain/thai-baht-text.ts';
import { expectDomainError } from './expect-domain-error.ts';

const baht = (amount: number): number => Math.round(amount * 100);

describe('bahtText (Royal Institute / Excel BAHTTEXT)', () => {
  it.each([
    [baht(1234.5), 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์'],
    [baht(21), 'ยี่สิบเอ็ดบาทถ้วน'],
    [baht(101), 'หนึ่งร้อยเอ็ดบาทถ้วน'],
    [baht(2001), 'สองพันเอ็ดบาทถ้วน'],
    [baht(1_000_001), 'หนึ่งล้านเอ็ดบาทถ้วน'],
    [baht(1), 'หนึ่งบาทถ้วน'],
    [baht(11), 'สิบเอ็ดบาทถ้วน'],
    [baht(20), 'ยี่สิบบาทถ้วน'],
    [0, 'ศูนย์บาทถ้วน'],
    [25, 'ยี่สิบห้าสตางค์'],
    [baht(10_000_000), 'สิบล้านบาทถ้วน'],
    [baht(21_000_000), 'ยี่สิบเอ็ดล้านบาทถ้วน'],
    [baht(1_000_000_000_000), 'หนึ่งล้านล้านบาทถ้วน'],
    [1, 'หนึ่งสตางค์'],
    [11, 'สิบเอ็ดสตางค์'],
    [21, 'ยี่สิบเอ็ดสตางค์'],
    [baht(10), 'สิบบาทถ้วน'],
    [baht(100), 'หนึ่งร้อยบาทถ้วน'],
    [baht(110), 'หนึ่งร้อยสิบบาทถ้วน'],
    [baht(111), 'หนึ่งร้อยสิบเอ็ดบาทถ้วน'],
    [baht(1_000_000), 'หนึ่งล้านบาทถ้วน'],
    [baht(11_000_000), 'สิบเอ็ดล้านบาทถ้วน'],
    [baht(101_000_000), 'หนึ่งร้อยเอ็ดล้านบาทถ้วน'],
    [baht(1_000_010), 'หนึ่งล้านสิบบาทถ้วน'],
    [baht(1_000_001_000_000), 'หนึ่งล้านเอ็ดล้านบาทถ้วน'],
    [baht(123_456), 'หนึ่งแสนสองหมื่นสามพันสี่ร้อยห้าสิบหกบาทถ้วน'],
    [baht(2_500_000.75), 'สองล้านห้าแสนบาทเจ็ดสิบห้าสตางค์'],
    [101, 'หนึ่งบาทหนึ่งสตางค์'],
    [baht(91.99), 'เก้าสิบเอ็ดบาทเก้าสิบเก้าสตางค์'],
    [Number.MAX_SAFE_INTEGER, 'เก้าสิบล้านเจ็ดหมื่นหนึ่งพันเก้าร้อยเก้าสิบสองล้านห้าแสนสี่หมื่นเจ็ดพันสี่ร้อยเก้าบาทเก้าสิบเอ็ดสตางค์'],
  ])('%s satang → %s', (satang, expected) => {
    expect(bahtText(satang)).toBe(expected);
  });

  it.each([[Number.NaN], [-1], [-100], [1.5], [Number.POSITIVE_INFINITY], [Number.MAX_SAFE_INTEGER + 1], ['100' as unknown as number]])(
    'refuses %s instead of printing ศูนย์บาทถ้วน',
    (satang) => {
      expectDomainError(() => bahtText(satang), 'VALIDATION', 'satang');
    },
  );
});

describe('englishAmountText', () => {
  it.each([
    [baht(1234.5), 'One thousand two hundred thirty-four baht and fifty satang'],
    [baht(1234), 'One thousand two hundred thirty-four baht only'],
    [0, 'Zero baht only'],
    [25, 'Twenty-five satang'],
    [1, 'One satang'],
    [baht(1), 'One baht only'],
    [baht(15), 'Fifteen baht only'],
    [baht(100), 'One hundred baht only'],
    [baht(101.01), 'One hundred one baht and one satang'],
    [baht(1_000_001), 'One million one baht only'],
    [baht(2_000_000_000_000), 'Two trillion baht only'],
    [baht(90_070), 'Ninety thousand seventy baht only'],
  ])('%s satang → %s', (satang, expected) => {
    expect(englishAmountText(satang)).toBe(expected);
  });

  it.each([[Number.NaN], [-1], [0.5]])('refuses %s', (satang) => {
    expectDomainError(() => englishAmountText(satang), 'VALIDATION', 'satang');
  });
});
