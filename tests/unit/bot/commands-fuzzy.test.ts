import { describe, it, expect } from 'vitest';
import {
  bigramSimilarity,
  damerauLevenshtein,
  isClearBest,
  looksLikePhone,
  nameSimilarity,
  nameWords,
  normalizePhone,
  rankByName,
  thaiSkeleton,
} from '../../../server/services/customer-search.ts';

describe('nameWords: normalising what staff type', () => {
  it.each([
    ['คุณสมชาย ใจดี', ['สมชาย', 'ใจดี']],
    ['คุณ สมชาย  ใจดี', ['สมชาย', 'ใจดี']],
    ['บริษัท ฟ้าใส จำกัด', ['ฟ้าใส']],
    ['บริษัทฟ้าใสจำกัด', ['ฟ้าใส']],
    ['บจก. ฟ้าใส', ['ฟ้าใส']],
    ['น.ส. มาลี ดอกไม้', ['มาลี', 'ดอกไม้']],
    ['นางสาวมาลี', ['มาลี']],
    ['Fah Sai Co., Ltd.', ['fah', 'sai']],
    ['FAH-SAI CO LTD', ['fah', 'sai']],
    ['Mr. John Smith', ['john', 'smith']],
    // A name that starts like an honorific keeps it: ากร cannot start a Thai syllable.
    ['คุณากร ศรีสุข', ['คุณากร', 'ศรีสุข']],
    ['ร้าน ๙ ดาว', ['9', 'ดาว']],
    ['คุณ', ['คุณ']],
  ])('%j → %j', (input, words) => {
    expect(nameWords(input)).toEqual(words);
  });

  it('NFC-normalises decomposed input', () => {
    expect(nameWords('Cafe\u0301 Noir')).toEqual(nameWords('Café Noir'));
  });
});

describe('distances', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['somchai', 'somchai', 0],
    ['somchai', 'somcahi', 1],
    ['สมชาย', 'สมชัย', 1],
    ['สมชาย', 'สมชาญ', 1],
    ['kitten', 'sitting', 3],
  ])('damerauLevenshtein(%j, %j) = %i', (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
  });

  it('bigram similarity ignores word order', () => {
    expect(bigramSimilarity('ใจดีสมชาย', 'สมชายใจดี')).toBeGreaterThan(0.7);
    expect(bigramSimilarity('abc', 'xyz')).toBe(0);
  });

  it('thaiSkeleton drops tone marks and merges sound-alike letters', () => {
    expect(thaiSkeleton('สมช้าย')).toBe(thaiSkeleton('สมชาย'));
    expect(thaiSkeleton('ฟ้าไส')).toBe(thaiSkeleton('ฟ้าใส'));
    expect(thaiSkeleton('ศรี')).toBe(thaiSkeleton('สรี'));
  });
});

const CUSTOMERS = ['คุณสมชาย ใจดี', 'นายสมชัย ใจเย็น', 'คุณสมศรี มีสุข', 'บริษัท ฟ้าใส จำกัด', 'คุณากร ศรีสุข', 'Somchai Jaidee', 'Fah Sai Co., Ltd.', 'น.ส. มาลี ดอกไม้'];
const best = (query: string) => rankByName(query, CUSTOMERS, (n) => [n])[0]?.item;

describe('rankByName: typos and partial names find the right customer first', () => {
  it.each([
    ['สมชาย', 'คุณสมชาย ใจดี'],
    ['สมชัย', 'นายสมชัย ใจเย็น'],
    ['สมชาย ใจดี', 'คุณสมชาย ใจดี'],
    ['สมช้าย ใจดี', 'คุณสมชาย ใจดี'], // wrong tone mark
    ['สมชาญ ใจดี', 'คุณสมชาย ใจดี'], // wrong final consonant
    ['ใจดี', 'คุณสมชาย ใจดี'], // surname only
    ['ฟ้าไส', 'บริษัท ฟ้าใส จำกัด'], // ใ / ไ mixed up
    ['บจก ฟ้าใส', 'บริษัท ฟ้าใส จำกัด'],
    ['ฟ้า', 'บริษัท ฟ้าใส จำกัด'], // beginning only
    ['สรีสุข', 'คุณากร ศรีสุข'], // ศ / ส
    ['somchia', 'Somchai Jaidee'], // transposition
    ['SOMCHAI', 'Somchai Jaidee'],
    ['fahsai', 'Fah Sai Co., Ltd.'],
    ['fah sia', 'Fah Sai Co., Ltd.'],
    ['มาลี', 'น.ส. มาลี ดอกไม้'],
  ])('%j → %j', (query, expected) => {
    expect(best(query)).toBe(expected);
  });

  it('finds nothing for unrelated text', () => {
    expect(rankByName('xyz', CUSTOMERS, (n) => [n])).toEqual([]);
    expect(rankByName('ประยุทธ์', CUSTOMERS, (n) => [n])).toEqual([]);
  });

  it('ranks exact over close and scores in [0, 1]', () => {
    const ranked = rankByName('สมชาย', CUSTOMERS, (n) => [n]);
    expect(ranked.map((r) => r.item).slice(0, 2)).toEqual(['คุณสมชาย ใจดี', 'นายสมชัย ใจเย็น']);
    for (const r of ranked) expect(r.score).toBeGreaterThan(0);
    expect(nameSimilarity('สมชาย', 'คุณสมชาย ใจดี')).toBe(1);
  });

  it('matches company names too (best field wins)', () => {
    const items = [
      { name: 'คุณวิภา', company: 'บริษัท ฟ้าใส จำกัด' },
      { name: 'คุณสมชาย', company: null },
    ];
    expect(rankByName('ฟ้าใส', items, (c) => [c.name, c.company])[0]?.item.name).toBe('คุณวิภา');
  });
});

describe('isClearBest: act on one customer or let staff choose', () => {
  it.each([
    [[], false],
    [[{ score: 0.7 }], true],
    [[{ score: 1 }, { score: 0.8 }], true],
    [[{ score: 1 }, { score: 1 }], false], // two customers with the same name
    [[{ score: 0.92 }, { score: 0.92 }, { score: 0.91 }], false], // "สม" fits many
    [[{ score: 0.95 }, { score: 0.7 }], true],
    [[{ score: 0.8 }, { score: 0.75 }], false],
  ])('%j → %s', (ranked, clear) => {
    expect(isClearBest(ranked)).toBe(clear);
  });

  it('an ambiguous partial name is not clear', () => {
    expect(isClearBest(rankByName('สม', CUSTOMERS, (n) => [n]))).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each([
    ['081-234-5678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['๐๘๑๒๓๔๕๖๗๘', '0812345678'],
    ['02 123 4567', '021234567'],
  ])('normalizePhone(%j) = %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('looksLikePhone only for mostly digits', () => {
    expect(looksLikePhone('081-234-5678')).toBe(true);
    expect(looksLikePhone('5678')).toBe(false);
    expect(looksLikePhone('INV-2026-0001')).toBe(false);
    expect(looksLikePhone('สมชาย 0812')).toBe(false);
  });
});
