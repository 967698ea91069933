/** Security deposits as the admin API answers them. */
import { z } from 'zod';
import type { DepositStatus } from '../../../domain/deposit-status.ts';
import { id, instant, iso, satang } from './common.ts';
import { receiptRefDto, toReceiptRef } from './payment.dto.ts';

export const DEPOSIT_STATUSES = [
  'pending',
  'partially_held',
  'held',
  'returned',
  'partially_returned',
  'forfeited',
] as const satisfies readonly DepositStatus[];
const status = z.enum(DEPOSIT_STATUSES);

export const depositDto = z.strictObject({
  id,
  number: z.string(),
  customerId: id,
  quoteId: id.nullable(),
  jobId: id.nullable(),
  status,
  requiredSatang: satang,
  heldSatang: satang,
  returnedSatang: satang,
  deductedSatang: satang,
  createdAt: instant,
  updatedAt: instant,
});
export type DepositDto = z.infer<typeof depositDto>;

interface DepositRow {
  id: string;
  number: string;
  customerId: string;
  quoteId: string | null;
  jobId: string | null;
  status: string;
  requiredSatang: number;
  heldSatang: number;
  returnedSatang: number;
  deductedSatang: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toDepositDto(row: DepositRow): DepositDto {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    quoteId: row.quoteId,
    jobId: row.jobId,
    status: row.status as DepositStatus,
    requiredSatang: row.requiredSatang,
    heldSatang: row.heldSatang,
    returnedSatang: row.returnedSatang,
    deductedSatang: row.deductedSatang,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export const depositCollectedDto = z.strictObject({
  deposit: z.strictObject({ id, number: z.string(), status, requiredSatang: satang, heldSatang: satang }),
  collection: z.strictObject({ id, amountSatang: satang }),
  receipt: receiptRefDto,
});
export type DepositCollectedDto = z.infer<typeof depositCollectedDto>;

interface DepositCollected {
  deposit: { id: string; number: string; status: DepositStatus; requiredSatang: number; heldSatang: number };
  collection: { id: string; amountSatang: number };
  receipt: { id: string; number: string; type: string };
}

export function toDepositCollectedDto(r: DepositCollected): DepositCollectedDto {
  const { deposit, collection } = r;
  return {
    deposit: { id: deposit.id, number: deposit.number, status: deposit.status, requiredSatang: deposit.requiredSatang, heldSatang: deposit.heldSatang },
    collection: { id: collection.id, amountSatang: collection.amountSatang },
    receipt: toReceiptRef(r.receipt),
  };
}

export const depositReturnedDto = z.strictObject({
  deposit: z.strictObject({ id, number: z.string(), status, heldSatang: satang, returnedSatang: satang, deductedSatang: satang }),
  return: z.strictObject({ id, amountSatang: satang, deductedSatang: satang, reason: z.string().nullable() }),
  receipt: receiptRefDto,
});
export type DepositReturnedDto = z.infer<typeof depositReturnedDto>;

interface DepositReturned {
  deposit: { id: string; number: string; status: DepositStatus; heldSatang: number; returnedSatang: number; deductedSatang: number };
  return: { id: string; amountSatang: number; deductedSatang: number; reason: string | null };
  receipt: { id: string; number: string; type: string };
}

export function toDepositReturnedDto(r: DepositReturned): DepositReturnedDto {
  const { deposit, return: ret } = r;
  return {
    deposit: {
      id: deposit.id,
      number: deposit.number,
      status: deposit.status,
      heldSatang: deposit.heldSatang,
      returnedSatang: deposit.returnedSatang,
      deductedSatang: deposit.deductedSatang,
    },
    return: { id: ret.id, amountSatang: ret.amountSatang, deductedSatang: ret.deductedSatang, reason: ret.reason },
    receipt: toReceiptRef(r.receipt),
  };
}
