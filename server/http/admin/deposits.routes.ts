import { z } from 'zod';
import { adminRoute } from './admin-route.ts';
import { idParams, optionalPrintedText, paymentMethod, positiveSatang, printedText, satang } from './schemas.ts';
import { collectDeposit, createDeposit, returnDeposit } from '../../services/deposits.ts';
import { depositCollectedDto, depositDto, depositReturnedDto, toDepositCollectedDto, toDepositDto, toDepositReturnedDto } from './dto/deposit.dto.ts';

export const depositRoutes = [
  adminRoute({
    operationId: 'createDeposit',
    method: 'post',
    path: '/deposits',
    tag: 'Deposits',
    summary: 'Request a refundable security deposit',
    body: z.object({ customerId: z.string().min(1), requiredSatang: positiveSatang, quoteId: z.string().min(1).nullish(), jobId: z.string().min(1).nullish() }),
    successStatus: 201,
    response: depositDto,
    handler: async ({ ctx, body }) => toDepositDto(await createDeposit(ctx, body)),
  }),
  adminRoute({
    operationId: 'collectDeposit',
    method: 'post',
    path: '/deposits/:id/collections',
    tag: 'Deposits',
    summary: 'Record money collected for a deposit; issues a DEPR receipt',
    params: idParams,
    body: z.object({ amountSatang: positiveSatang, method: paymentMethod, reference: optionalPrintedText(200) }),
    idempotent: true,
    successStatus: 201,
    errors: [404, 409],
    response: depositCollectedDto,
    handler: async ({ ctx, params, body, actor }) =>
      toDepositCollectedDto(
        await collectDeposit(ctx, {
          depositId: params.id,
          amountSatang: body.amountSatang,
          method: body.method,
          reference: body.reference ?? null,
          recordedBy: actor,
        }),
      ),
  }),
  adminRoute({
    operationId: 'returnDeposit',
    method: 'post',
    path: '/deposits/:id/returns',
    tag: 'Deposits',
    summary: 'Return a deposit (the rest is deducted: a reason, or itemised deductions); issues a DEPRR receipt',
    params: idParams,
    body: z.object({
      amountSatang: satang,
      reason: optionalPrintedText(500),
      /** Itemised: each amount kept with its reason; they must add up to what is not returned. */
      deductions: z
        .array(z.object({ amountSatang: positiveSatang, reason: printedText(200) }))
        .max(20)
        .nullish(),
      method: paymentMethod.nullish(),
      reference: optionalPrintedText(200),
    }),
    idempotent: true,
    successStatus: 201,
    errors: [404, 409],
    response: depositReturnedDto,
    handler: async ({ ctx, params, body, actor }) =>
      toDepositReturnedDto(
        await returnDeposit(ctx, {
          depositId: params.id,
          amountSatang: body.amountSatang,
          reason: body.reason ?? null,
          deductions: body.deductions ?? null,
          method: body.method ?? null,
          reference: body.reference ?? null,
          recordedBy: actor,
        }),
      ),
  }),
];
