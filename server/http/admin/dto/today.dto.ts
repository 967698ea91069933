/** GET /api/admin/today: what staff should do now (services/staff-today.ts). */
import { z } from 'zod';
import { JOB_STAGES, type JobStage } from '../../../domain/job-stages.ts';
import { day, id, instant, iso, satang } from './common.ts';
import type { staffToday } from '../../../services/staff-today.ts';

const stage = z.enum(JOB_STAGES);

export const todayDto = z.strictObject({
  today: day,
  overdueInvoices: z.strictObject({
    items: z.array(
      z.strictObject({
        invoiceId: id,
        invoiceNumber: z.string(),
        customerId: id,
        customerName: z.string(),
        amountDueSatang: satang,
        dueDate: day,
        daysOverdue: z.number().int(),
      }),
    ),
    totalCount: z.number().int(),
    totalDueSatang: satang,
  }),
  paymentNotices: z.strictObject({
    items: z.array(
      z.strictObject({
        noticeId: id,
        customerName: z.string(),
        amountSatang: satang,
        balanceSatang: satang.nullable(),
        target: z.strictObject({ kind: z.enum(['invoice', 'deposit']), number: z.string() }),
        sendingBank: z.string().nullable(),
        transRef: z.string().nullable(),
        /** Short-lived signed URL of the slip image; null when the notice has none. */
        slipUrl: z.string().nullable(),
        sentAt: instant,
      }),
    ),
    totalCount: z.number().int(),
  }),
  depositsToReturn: z.strictObject({
    items: z.array(
      z.strictObject({
        depositId: id,
        depositNumber: z.string(),
        customerId: id,
        customerName: z.string(),
        heldSatang: satang,
        job: z.strictObject({ id, number: z.string(), stage }).nullable(),
      }),
    ),
    totalCount: z.number().int(),
  }),
  jobsToday: z.array(
    z.strictObject({
      jobId: id,
      jobNumber: z.string(),
      title: z.string(),
      customerId: id,
      customerName: z.string(),
      stage,
      moving: z.enum(['out', 'back', 'both']),
    }),
  ),
});
export type TodayDto = z.infer<typeof todayDto>;

export function toTodayDto(t: Awaited<ReturnType<typeof staffToday>>): TodayDto {
  return {
    ...t,
    paymentNotices: { ...t.paymentNotices, items: t.paymentNotices.items.map((n) => ({ ...n, sentAt: iso(n.sentAt) })) },
    depositsToReturn: {
      ...t.depositsToReturn,
      items: t.depositsToReturn.items.map((d) => ({ ...d, job: d.job ? { ...d.job, stage: d.job.stage as JobStage } : null })),
    },
    jobsToday: t.jobsToday.map((j) => ({ ...j, stage: j.stage as JobStage })),
  };
}
