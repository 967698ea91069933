import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { calendarDate, idParams, jobStage, optionalMultilineText, text } from './schemas.ts';
import { createJob, moveJobStage } from '../../services/jobs.ts';
import { jobDto, jobStageMovedDto, toJobDto, toJobStageMovedDto } from './dto/job.dto.ts';

export const jobRoutes = [
  adminRoute({
    operationId: 'createJob',
    method: 'post',
    path: '/jobs',
    tag: 'Jobs',
    summary: 'Create a job (stage "new")',
    body: z.object({
      customerId: z.string().min(1),
      title: text(200),
      startDate: calendarDate.nullish(),
      endDate: calendarDate.nullish(),
      siteAddress: optionalMultilineText(500),
      equipment: z
        .array(z.object({ name: text(200), quantity: z.number().int().positive().max(100000).optional() }))
        .max(200)
        .optional(),
    }),
    successStatus: 201,
    response: jobDto,
    handler: async ({ ctx, body }) => toJobDto(await createJob(ctx, body)),
  }),
  adminRoute({
    operationId: 'moveJobStage',
    method: 'post',
    path: '/jobs/:id/stage',
    tag: 'Jobs',
    summary: 'Move a job to a stage (open portals update live)',
    params: idParams,
    body: z.object({ stage: jobStage, note: optionalMultilineText(500) }),
    errors: [404, 409],
    response: jobStageMovedDto,
    handler: async ({ ctx, params, body, actor }) =>
      toJobStageMovedDto(await moveJobStage(ctx, { jobId: params.id, stage: body.stage, note: body.note ?? null, changedBy: actor })),
  }),
];
