import { describe, it, expect } from 'vitest';
import { parseCommand, parseTarget, matchStage, detectLang } from '../../../bot/commands/parse-command.ts';

describe('parseCommand: the command word, in Thai and English', () => {
  it.each([
    ['help', { kind: 'help', lang: 'en' }],
    ['  HELP  ', { kind: 'help', lang: 'en' }],
    ['Help:', { kind: 'help', lang: 'en' }],
    ['ช่วยเหลือ', { kind: 'help', lang: 'th' }],
    ['เมนู', { kind: 'help', lang: 'th' }],
    ['?', { kind: 'help', lang: 'en' }],
    ['overdue', { kind: 'overdue', lang: 'en', query: '' }],
    ['ค้างชำระ', { kind: 'overdue', lang: 'th', query: '' }],
    ['overdue somchai', { kind: 'overdue', lang: 'en', query: 'somchai' }],
    ['find somchai', { kind: 'find', lang: 'en', query: 'somchai', implicit: false }],
    ['FIND   Somchai   Jaidee', { kind: 'find', lang: 'en', query: 'Somchai Jaidee', implicit: false }],
    ['ค้นหา สมชาย', { kind: 'find', lang: 'th', query: 'สมชาย', implicit: false }],
    ['หา สมชาย', { kind: 'find', lang: 'th', query: 'สมชาย', implicit: false }],
    ['enrol ABCD-EFGH', { kind: 'enrol', lang: 'en', code: 'ABCD-EFGH' }],
    ['Enroll abcd efgh', { kind: 'enrol', lang: 'en', code: 'abcd efgh' }],
    ['ลงทะเบียน ABCD-EFGH', { kind: 'enrol', lang: 'th', code: 'ABCD-EFGH' }],
    ['slips', { kind: 'slips', lang: 'en' }],
    ['Slip', { kind: 'slips', lang: 'en' }],
    ['สลิป', { kind: 'slips', lang: 'th' }],
    ['ตรวจสลิป', { kind: 'slips', lang: 'th' }],
    ['', { kind: 'empty', lang: 'th' }],
    ['   ', { kind: 'empty', lang: 'th' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});

describe('parseCommand: Thai written without spaces', () => {
  it.each([
    ['ค้นหาสมชาย', { kind: 'find', query: 'สมชาย' }],
    ['ลิงก์สมชาย', { kind: 'link', target: { kind: 'text', text: 'สมชาย' } }],
    ['เตือนINV-2026-0001', { kind: 'remind', target: { kind: 'document', prefix: 'INV', number: 'INV-2026-0001' } }],
    ['ยกเลิกลิงก์สมชาย', { kind: 'revoke', target: { kind: 'text', text: 'สมชาย' } }],
    ['ลงทะเบียนABCD-EFGH', { kind: 'enrol', code: 'ABCD-EFGH' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toMatchObject({ ...expected, lang: 'th' });
  });

  it('does not split a short Thai word off a name ("หาดใหญ่" is a place, not หา + ดใหญ่)', () => {
    expect(parseCommand('หาดใหญ่ การช่าง')).toEqual({ kind: 'find', lang: 'th', query: 'หาดใหญ่ การช่าง', implicit: true });
  });
});

describe('parseCommand: typos in the command word', () => {
  it.each([
    ['serch somchai', 'find'],
    ['fnid somchai', 'find'],
    ['ovedrue', 'overdue'],
    ['overdeu', 'overdue'],
    ['hlep', 'help'],
    ['remnid INV-2026-0001', 'remind'],
    ['stgae JOB-2026-0001', 'stage'],
    ['ค้นห สมชาย', 'find'],
    ['ลิงค์ สมชาย', 'link'],
    ['revok สมชาย', 'revoke'],
  ])('%j → %s', (input, kind) => {
    expect(parseCommand(input).kind).toBe(kind);
  });

  it('does not guess a typo that needs an argument when there is none, or has arguments when it takes none', () => {
    expect(parseCommand('fnid')).toMatchObject({ kind: 'find', implicit: true, query: 'fnid' });
    expect(parseCommand('hlep me now')).toMatchObject({ kind: 'find', implicit: true });
  });
});

describe('parseCommand: anything else is a customer search', () => {
  it.each([
    ['สมชาย ใจดี', 'th'],
    ['Somchai', 'en'],
    // Numbers say nothing about the writer's language: the staff member's own stays.
    ['081-234-5678', null],
    ['INV-2026-0001', null],
  ])('%j', (input, lang) => {
    expect(parseCommand(input)).toEqual({ kind: 'find', lang, query: input, implicit: true });
  });
});

describe('link / remind / revoke targets', () => {
  it.each([
    ['link INV-2026-0001', { kind: 'document', prefix: 'INV', number: 'INV-2026-0001' }],
    ['link inv 2026 1', { kind: 'document', prefix: 'INV', number: 'INV-2026-0001' }],
    ['ลิงก์ qt-2026-12', { kind: 'document', prefix: 'QT', number: 'QT-2026-0012' }],
    ['link INV-๒๐๒๖-๐๐๐๓', { kind: 'document', prefix: 'INV', number: 'INV-2026-0003' }],
    ['link บริษัท ฟ้าใส', { kind: 'text', text: 'บริษัท ฟ้าใส' }],
    ['link', null],
    ['remind inv/2026/7', { kind: 'document', prefix: 'INV', number: 'INV-2026-0007' }],
    ['revoke Somchai', { kind: 'text', text: 'Somchai' }],
  ])('%j', (input, target) => {
    expect(parseCommand(input)).toMatchObject({ target });
  });

  it('parseTarget keeps unknown prefixes as text', () => {
    expect(parseTarget('ABC-2026-0001')).toEqual({ kind: 'text', text: 'ABC-2026-0001' });
  });
});

describe('stage <job no.> [stage]', () => {
  it.each([
    ['stage JOB-2026-0001', { jobNumber: 'JOB-2026-0001', stage: null, stageText: '', notAJob: null, lang: 'en' }],
    ['stage job 2026 1 delivering', { jobNumber: 'JOB-2026-0001', stage: 'delivering', stageText: 'delivering' }],
    ['stage JOB-2026-0001 to on site', { jobNumber: 'JOB-2026-0001', stage: 'on_site' }],
    ['สถานะ JOB-2026-0002 กำลังจัดส่ง', { jobNumber: 'JOB-2026-0002', stage: 'delivering', lang: 'th' }],
    ['สถานะ JOB-2026-0002 ส่งของ', { jobNumber: 'JOB-2026-0002', stage: 'delivering' }],
    ['สถานะ กำลังจัดส่ง JOB-2026-0002', { jobNumber: 'JOB-2026-0002', stage: 'delivering' }],
    ['สถานะJOB-2026-0002 ปิดงาน', { jobNumber: 'JOB-2026-0002', stage: 'closed' }],
    ['stage JOB-2026-0001 delivring', { stage: 'delivering' }],
    ['stage JOB-2026-0001 banana', { stage: null, stageText: 'banana' }],
    ['stage INV-2026-0001', { jobNumber: null, notAJob: 'INV-2026-0001' }],
    ['stage', { jobNumber: null, stage: null, stageText: '' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toMatchObject({ kind: 'stage', ...expected });
  });

  it('matchStage accepts keys, labels, synonyms and near misses, and refuses noise', () => {
    expect(matchStage('On_Site')).toBe('on_site');
    expect(matchStage('กำลังรับอุปกรณ์คืน')).toBe('returning');
    expect(matchStage('canceled')).toBe('cancelled');
    expect(matchStage('pickng')).toBe('picking');
    expect(matchStage('xx')).toBeNull();
    expect(matchStage('hello world')).toBeNull();
  });
});

describe('detectLang', () => {
  it('is Thai when any Thai letter is present', () => {
    expect(detectLang('find สมชาย')).toBe('th');
    expect(detectLang('find somchai')).toBe('en');
  });

  it('is neither for digits, punctuation, a document number or an email address', () => {
    for (const text of ['0812345678', '081-234-5678', '+66 81 234 5678', '23456', '๒๓๔๕๖', 'inv 2026 1', 'QT-2026-0001', 'a@b.example', '?!']) {
      expect(detectLang(text), text).toBeNull();
    }
    expect(detectLang('somchai 0812345678')).toBe('en');
  });
});
