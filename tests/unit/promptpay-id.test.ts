import { describe, expect, it } from 'vitest';
import { parsePromptPayId } from '../../server/domain/promptpay-id.ts';

describe('parsePromptPayId', () => {
  it.each([
    ['0812345678', '0812345678', 'mobile'],
    ['081-234-5678', '0812345678', 'mobile'],
    ['081 234 5678', '0812345678', 'mobile'],
    ['(081) 234-5678', '0812345678', 'mobile'],
    ['+66 81 234 5678', '0812345678', 'mobile'],
    ['+66812345678', '0812345678', 'mobile'],
    ['66812345678', '0812345678', 'mobile'],
    ['+66 081 234 5678', '0812345678', 'mobile'],
    ['+66-95-555-0101', '0955550101', 'mobile'],
    ['0612345678', '0612345678', 'mobile'],
    ['๐๘๑๒๓๔๕๖๗๘', '0812345678', 'mobile'],
    ['0105561234560', '0105561234560', 'tax_id'],
    ['0-1055-61234-56-0', '0105561234560', 'tax_id'],
    ['0 1055 64012 34 7', '0105564012347', 'tax_id'],
    ['004999000288505', '004999000288505', 'ewallet'],
    ['004-999-000-288-505', '004999000288505', 'ewallet'],
  ])('accepts %j as %s (%s)', (typed, id, kind) => {
    expect(parsePromptPayId(typed)).toEqual({ ok: true, id, kind });
  });

  it.each([
    ['021234567', 'not_mobile'], // a Bangkok landline: 9 digits
    ['0212345678', 'format'],
    ['053123456', 'not_mobile'],
    ['+66 2 123 4567', 'not_mobile'],
    ['+1 415 555 0101', 'format'],
    ['+66 81 234 567', 'format'],
    ['0105561234561', 'tax_id_check_digit'],
    ['08123456789', 'format'],
    ['+66 0 81 234 56', 'format'],
    ['12345', 'format'],
    ['081234567a', 'format'],
    ['', 'format'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parsePromptPayId(typed)).toEqual({ ok: false, problem });
  });
});
