/** Jobs as the admin API answers them. */
import { z } from 'zod';
import { JOB_STAGES, type JobStage } from '../../../domain/job-stages.ts';
import { day, id, instant, iso } from './common.ts';

const stage = z.enum(JOB_STAGES);

export const jobDto = z.strictObject({
  id,
  number: z.string(),
  customerId: id,
  title: z.string(),
  startDate: day.nullable(),
  endDate: day.nullable(),
  siteAddress: z.string().nullable(),
  stage,
  equipment: z.array(z.strictObject({ name: z.string(), quantity: z.number().int() })),
  history: z.array(z.strictObject({ stage, note: z.string().nullable(), changedBy: z.string().nullable(), changedAt: instant })),
  createdAt: instant,
  updatedAt: instant,
});
export type JobDto = z.infer<typeof jobDto>;

interface JobRow {
  id: string;
  number: string;
  customerId: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  siteAddress: string | null;
  stage: string;
  createdAt: Date;
  updatedAt: Date;
  equipment: { position: number; name: string; quantity: number }[];
  history: { stage: string; note: string | null; changedBy: string | null; changedAt: Date }[];
}

export function toJobDto(row: JobRow): JobDto {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    title: row.title,
    startDate: row.startDate,
    endDate: row.endDate,
    siteAddress: row.siteAddress,
    stage: row.stage as JobStage,
    equipment: [...row.equipment].sort((a, b) => a.position - b.position).map((e) => ({ name: e.name, quantity: e.quantity })),
    history: row.history.map((h) => ({ stage: h.stage as JobStage, note: h.note, changedBy: h.changedBy, changedAt: iso(h.changedAt) })),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export const jobStageMovedDto = z.strictObject({ id, number: z.string(), previousStage: stage, stage, changedAt: instant });
export type JobStageMovedDto = z.infer<typeof jobStageMovedDto>;

export function toJobStageMovedDto(moved: { job: { id: string; number: string; stage: string }; from: string; change: { changedAt: Date } }): JobStageMovedDto {
  return {
    id: moved.job.id,
    number: moved.job.number,
    previousStage: moved.from as JobStage,
    stage: moved.job.stage as JobStage,
    changedAt: iso(moved.change.changedAt),
  };
}
