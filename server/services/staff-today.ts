/**
 * "Today" for the staff app: what needs doing now — overdue invoices, payment notices waiting
 * for review, deposits to give back, jobs starting or ending today. Built from the same queries
 * as the bot's answers (staff-queries.ts, notices-for-staff.ts, money-lists.ts), so the app and
 * LINE never disagree.
 */
import type { AppContext } from './context.ts';
import { bangkokDate } from '../domain/dates.ts';
import { listOverdueInvoices } from './staff-queries.ts';
import { pendingNoticesForStaff } from './notices-for-staff.ts';
import { DEPOSITS_TO_RETURN } from './money-lists.ts';

export const TODAY_LIST_SIZE = 10;

export async function staffToday(ctx: AppContext) {
  const today = bangkokDate(ctx.clock.now());
  const [overdue, notices, depositRows, depositCount, jobs] = await Promise.all([
    listOverdueInvoices(ctx, { limit: TODAY_LIST_SIZE }),
    pendingNoticesForStaff(ctx, TODAY_LIST_SIZE),
    ctx.db.deposit.findMany({
      where: DEPOSITS_TO_RETURN,
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take: TODAY_LIST_SIZE,
      include: { customer: { select: { name: true } }, job: { select: { id: true, number: true, stage: true } } },
    }),
    ctx.db.deposit.count({ where: DEPOSITS_TO_RETURN }),
    ctx.db.job.findMany({
      where: { stage: { notIn: ['closed', 'cancelled'] }, OR: [{ startDate: today }, { endDate: today }] },
      orderBy: [{ number: 'asc' }],
      include: { customer: { select: { name: true } } },
    }),
  ]);
  return {
    today,
    overdueInvoices: overdue,
    paymentNotices: { items: notices.notices, totalCount: notices.total },
    depositsToReturn: {
      items: depositRows.map((d) => ({
        depositId: d.id,
        depositNumber: d.number,
        customerId: d.customerId,
        customerName: d.customer.name,
        heldSatang: d.heldSatang,
        job: d.job,
      })),
      totalCount: depositCount,
    },
    jobsToday: jobs.map((j) => ({
      jobId: j.id,
      jobNumber: j.number,
      title: j.title,
      customerId: j.customerId,
      customerName: j.customer.name,
      stage: j.stage,
      /** Going out (starts today), coming back (ends today), or both. */
      moving: j.startDate === today && j.endDate === today ? ('both' as const) : j.startDate === today ? ('out' as const) : ('back' as const),
    })),
  };
}
