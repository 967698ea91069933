/**
 * Receipts are issued inside the transaction that received or returned the money, with their
 * parties' snapshot and render job (document-snapshots.ts): the caller runs
 * `ctx.documents.storePending()` after its commit.
 */
import type { Tx } from '../data/database.ts';
import type { ReceiptType } from '../domain/receipt-types.ts';
import { nextDocumentNumber } from './numbering.ts';
import { snapshotIssuedDocument } from './document-snapshots.ts';

export interface IssueReceiptInput {
  type: ReceiptType;
  customerId: string;
  amountSatang: number;
  issuedAt: Date;
  paymentId?: string;
  depositCollectionId?: string;
  depositReturnId?: string;
}

export async function issueReceipt(tx: Tx, input: IssueReceiptInput) {
  const number = await nextDocumentNumber(tx, input.type, input.issuedAt);
  const receipt = await tx.receipt.create({
    data: {
      number,
      type: input.type,
      customerId: input.customerId,
      amountSatang: input.amountSatang,
      issuedAt: input.issuedAt,
      paymentId: input.paymentId ?? null,
      depositCollectionId: input.depositCollectionId ?? null,
      depositReturnId: input.depositReturnId ?? null,
    },
  });
  await snapshotIssuedDocument(tx, { kind: 'receipt', recordId: receipt.id, customerId: input.customerId }, input.issuedAt);
  return receipt;
}
