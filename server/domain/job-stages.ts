/**
 * Job stages: new → picking → loaded → delivering → on_site → returning → closed, or
 * cancelled from any open stage. Staff may jump forward (a stage was not recorded) or
 * step back exactly one stage (they tapped the wrong button); closed and cancelled are
 * final.
 */
import { conflict } from './errors.ts';
import { allowedNextStages, isTerminalStage, JOB_STAGE_FLOW, JOB_STAGES, STAGE_BUTTON_LABELS, STAGE_LABELS, type JobStage } from './labels.ts';
import { compactKey } from './normalize-input.ts';

// The stage order and names live in labels.ts (shared with the portal as plain data).
export { JOB_STAGE_FLOW, JOB_STAGES, STAGE_BUTTON_LABELS, STAGE_LABELS, type JobStage };
// The moves themselves live next to the order in labels.ts (shared with the staff app).
export { allowedNextStages, isTerminalStage };

export function isJobStage(value: string): value is JobStage {
  return (JOB_STAGES as readonly string[]).includes(value);
}

export function canTransitionStage(from: JobStage, to: JobStage): boolean {
  return allowedNextStages(from).includes(to);
}

export function assertStageTransition(from: JobStage, to: JobStage): void {
  if (canTransitionStage(from, to)) return;
  if (isTerminalStage(from)) throw conflict(`Job is ${from} and its stage can no longer change`, { from, to, reason: 'stage_final' });
  if (from === to) throw conflict(`Job is already ${from}`, { from, to });
  throw conflict(`Job cannot go from ${from} back to ${to}; only one step back is allowed`, { from, to, reason: 'stage_one_step_back' });
}

/** Words staff actually type in LINE, beyond the keys and labels. */
const STAGE_SYNONYMS: Record<JobStage, readonly string[]> = {
  new: ['ใหม่', 'งานใหม่', 'รับงาน'],
  picking: ['pick', 'prepare', 'preparing', 'จัดของ', 'เตรียมของ', 'จัดเตรียม'],
  loaded: ['load', 'ขึ้นรถ', 'โหลด'],
  delivering: ['delivery', 'deliver', 'shipping', 'ส่งของ', 'จัดส่ง', 'กำลังส่ง'],
  // ติดตั้งหน้างานแล้ว was this stage's LINE label before the wording was unified; staff still type it.
  on_site: ['site', 'onsite', 'installed', 'หน้างาน', 'ติดตั้ง', 'ติดตั้งหน้างานแล้ว'],
  returning: ['return', 'pickup', 'collecting', 'รับคืน', 'เก็บของ', 'คืนของ'],
  closed: ['close', 'done', 'complete', 'finished', 'เสร็จ', 'เสร็จแล้ว', 'จบงาน'],
  cancelled: ['cancel', 'canceled', 'ยกเลิก'],
};

const STAGE_BY_KEY: ReadonlyMap<string, JobStage> = (() => {
  const map = new Map<string, JobStage>();
  for (const stage of JOB_STAGES) {
    const words = [
      stage,
      STAGE_LABELS[stage].en,
      STAGE_LABELS[stage].th,
      STAGE_BUTTON_LABELS[stage].en,
      STAGE_BUTTON_LABELS[stage].th,
      ...STAGE_SYNONYMS[stage],
    ];
    for (const word of words) {
      const key = compactKey(word);
      const existing = map.get(key);
      // Fail at load time rather than let one word silently mean two stages.
      if (existing !== undefined && existing !== stage) throw new Error(`stage word "${word}" is ambiguous`);
      map.set(key, stage);
    }
  }
  return map;
})();

/** 'on site', 'On_Site', 'ติดตั้งหน้างานแล้ว', 'ส่งของ' → the stage; null when not recognised. */
export function parseStage(text: string): JobStage | null {
  if (typeof text !== 'string') return null;
  return STAGE_BY_KEY.get(compactKey(text)) ?? null;
}
