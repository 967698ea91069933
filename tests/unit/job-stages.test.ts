import { describe, expect, it } from 'vitest';
import {
  JOB_STAGES,
  STAGE_LABELS,
  allowedNextStages,
  assertStageTransition,
  canTransitionStage,
  parseStage,
  type JobStage,
} from '../../server/domain/transitions.ts';
import { expectDomainError } from './expect-domain-error.ts';

describe('allowedNextStages', () => {
  it.each<[JobStage, JobStage[]]>([
    ['new', ['picking', 'loaded', 'delivering', 'on_site', 'returning', 'closed', 'cancelled']],
    ['picking', ['loaded', 'delivering', 'on_site', 'returning', 'closed', 'new', 'cancelled']],
    ['on_site', ['returning', 'closed', 'delivering', 'cancelled']],
    ['returning', ['closed', 'on_site', 'cancelled']],
    ['closed', []],
    ['cancelled', []],
  ])('%s → %o', (stage, expected) => {
    expect(allowedNextStages(stage)).toEqual(expected);
  });
});

describe('assertStageTransition', () => {
  it.each<[JobStage, JobStage]>([
    ['new', 'picking'], // forward by one
    ['new', 'delivering'], // skip forward
    ['loaded', 'closed'],
    ['delivering', 'loaded'], // one step back
    ['returning', 'closed'],
    ['on_site', 'cancelled'],
    ['new', 'cancelled'],
  ])('%s → %s is allowed', (from, to) => {
    expect(canTransitionStage(from, to)).toBe(true);
    expect(() => assertStageTransition(from, to)).not.toThrow();
  });

  it.each<[JobStage, JobStage, string]>([
    ['delivering', 'picking', 'Job cannot go from delivering back to picking; only one step back is allowed'],
    ['returning', 'new', 'Job cannot go from returning back to new; only one step back is allowed'],
    ['picking', 'picking', 'Job is already picking'],
    ['closed', 'returning', 'Job is closed and its stage can no longer change'],
    ['closed', 'cancelled', 'Job is closed and its stage can no longer change'],
    ['cancelled', 'new', 'Job is cancelled and its stage can no longer change'],
  ])('%s → %s is refused: %s', (from, to, message) => {
    expect(canTransitionStage(from, to)).toBe(false);
    const error = expectDomainError(() => assertStageTransition(from, to), 'CONFLICT');
    expect(error.message).toBe(message);
  });
});

describe('STAGE_LABELS', () => {
  it.each([
    ['picking', 'กำลังจัดเตรียมอุปกรณ์', 'Preparing your equipment'],
    ['on_site', 'ถึงหน้างานแล้ว', 'On site'],
  ] as const)('%s reads %s / %s', (stage, th, en) => {
    expect(STAGE_LABELS[stage]).toEqual({ th, en });
  });

  it('labels every stage in both languages', () => {
    for (const stage of JOB_STAGES) {
      expect(STAGE_LABELS[stage].th.length).toBeGreaterThan(0);
      expect(STAGE_LABELS[stage].en.length).toBeGreaterThan(0);
    }
  });
});

describe('parseStage', () => {
  it.each<[string, JobStage | null]>([
    ['on_site', 'on_site'],
    ['ON SITE', 'on_site'],
    [' On-Site ', 'on_site'],
    ['ติดตั้งหน้างานแล้ว', 'on_site'],
    ['Preparing your equipment', 'picking'],
    ['preparing   YOUR equipment', 'picking'],
    ['กำลังจัดเตรียมอุปกรณ์', 'picking'],
    ['delivery', 'delivering'],
    ['Delivering', 'delivering'],
    ['ส่งของ', 'delivering'],
    ['จัดส่ง', 'delivering'],
    ['done', 'closed'],
    ['ปิดงาน', 'closed'],
    ['cancel', 'cancelled'],
    ['ยกเลิก', 'cancelled'],
    ['new', 'new'],
    ['returning', 'returning'],
    ['', null],
    ['teleport', null],
    ['on', null],
  ])('%j → %s', (text, expected) => {
    expect(parseStage(text)).toBe(expected);
  });

  it.each(
    JOB_STAGES.flatMap((stage) => [
      [stage, stage],
      [STAGE_LABELS[stage].en, stage],
      [STAGE_LABELS[stage].th, stage],
    ]),
  )('every key and label parses back: %j → %s', (text, stage) => {
    expect(parseStage(text)).toBe(stage);
  });
});
