/** Job use cases: create a job, move it through its stages (live to the portal). */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { notFound, conflict, validation } from '../domain/errors.ts';
import { assertStageTransition, isJobStage, type JobStage } from '../domain/job-stages.ts';
import { bangkokDate } from '../domain/dates.ts';
import { checkJobDates } from '../domain/date-bounds.ts';
import { nextDocumentNumber } from './numbering.ts';
import { notifyJobStage } from './messages/notify-client.ts';

export interface CreateJobInput {
  customerId: string;
  title: string;
  startDate?: string | null;
  endDate?: string | null;
  siteAddress?: string | null;
  equipment?: { name: string; quantity?: number }[];
}

export async function createJob(ctx: AppContext, input: CreateJobInput) {
  const now = ctx.clock.now();
  checkJobDates({ startDate: input.startDate, endDate: input.endDate, today: bangkokDate(now) });
  const job = await ctx.db.$transaction((tx) => createJobIn(tx, now, input));
  // A portal open on this customer shows the new job live; published here, this process's own
  // change is never replayed later as news by the stage feed (which publishes other processes' changes).
  const created = job.history[0]!;
  ctx.events.publish({
    type: 'job.stage',
    changeId: created.id,
    customerId: job.customerId,
    jobId: job.id,
    stage: 'new',
    at: created.changedAt.toISOString(),
    note: null,
  });
  return job;
}

/** createJob inside a caller's transaction (accepting a quote creates its job); input already checked. */
export async function createJobIn(tx: Tx, now: Date, input: CreateJobInput) {
  const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true } });
  if (!customer) throw validation('customerId', 'customerId does not match any customer');
  const number = await nextDocumentNumber(tx, 'JOB', now);
  return tx.job.create({
    data: {
      number,
      createdAt: now,
      customerId: input.customerId,
      title: input.title,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      siteAddress: input.siteAddress ?? null,
      stage: 'new',
      history: { create: { stage: 'new', changedAt: now, note: null } },
      equipment: {
        create: (input.equipment ?? []).map((e, position) => ({ position, name: e.name, quantity: e.quantity ?? 1 })),
      },
    },
    include: { equipment: { orderBy: { position: 'asc' } }, history: true },
  });
}

export interface MoveJobStageInput {
  jobId: string;
  stage: string;
  note?: string | null;
  changedBy?: string | null;
  /** When set, the move only happens if the job is still at this stage (a bot button pressed twice). */
  expectedStage?: string;
}

export async function moveJobStage(ctx: AppContext, input: MoveJobStageInput) {
  if (!isJobStage(input.stage)) throw validation('stage', `stage must be one of the job stages`);
  const to: JobStage = input.stage;
  const now = ctx.clock.now();
  const result = await ctx.db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: input.jobId } });
    if (!job) throw notFound('Job');
    const from = job.stage as JobStage;
    if (input.expectedStage !== undefined && input.expectedStage !== from) {
      throw conflict(`Job ${job.number} is already at stage '${from}'`, { stage: from });
    }
    assertStageTransition(from, to);
    // Conditional on the stage we read: two staff moving the same job at once cannot both win.
    const { count } = await tx.job.updateMany({ where: { id: job.id, stage: from }, data: { stage: to } });
    if (count === 0) throw conflict(`Job ${job.number} was changed by someone else; reload and try again`);
    const change = await tx.jobStageChange.create({
      data: { jobId: job.id, stage: to, note: input.note ?? null, changedBy: input.changedBy ?? null, changedAt: now },
    });
    // LINE update for the stages the business announces; skipped quietly when the client has no LINE.
    await notifyJobStage(tx, ctx, { changeId: change.id, customerId: job.customerId, job, stage: to, note: change.note });
    return { job: { ...job, stage: to }, from, change };
  });
  ctx.events.publish({
    type: 'job.stage',
    changeId: result.change.id,
    customerId: result.job.customerId,
    jobId: result.job.id,
    stage: to,
    at: result.change.changedAt.toISOString(),
    note: result.change.note,
  });
  return result;
}
