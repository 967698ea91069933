/** The job list of the back office (the board by stage): newest first, with the customer's name. */
import type { AppContext } from './context.ts';
import type { Prisma } from '../data/database.ts';
import type { JobStage } from '../domain/job-stages.ts';
import { byInstant, keysetPage, type KeysetArgs, type PageRequest } from './pagination.ts';

export const JOB_WITH_DETAILS = {
  equipment: { orderBy: { position: 'asc' } },
  history: { orderBy: { changedAt: 'asc' } },
  customer: { select: { name: true } },
} as const;

export async function listJobs(ctx: AppContext, input: PageRequest & { stage?: JobStage; customerId?: string }) {
  const filter: Prisma.JobWhereInput = {
    ...(input.stage ? { stage: input.stage } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
  return keysetPage(
    input,
    ({ after, orderBy, take }: KeysetArgs<Prisma.JobWhereInput>) =>
      ctx.db.job.findMany({ where: after ? { AND: [filter, after] } : filter, orderBy, take, include: JOB_WITH_DETAILS }),
    byInstant('createdAt', 'desc', (j) => j.createdAt),
  );
}
