/**
 * Takes the invoice for the transaction that queues its payment reminder. PostgreSQL: FOR NO KEY
 * UPDATE SKIP LOCKED, false when another transaction holds the row (another instance queuing the
 * same reminder, or a payment being recorded): the run moves on to the next invoice instead of
 * waiting, and the next run looks again. NO KEY: rows referencing the invoice (the reminder
 * itself) may still be inserted. SQLite runs one write transaction at a time: nothing to skip.
 */
import type { Tx } from './database.ts';
import type { DatabaseProvider } from './schema-engine.ts';

export async function lockInvoiceForReminder(tx: Tx, provider: DatabaseProvider, invoiceId: string): Promise<boolean> {
  if (provider === 'sqlite') return true;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Invoice" WHERE "id" = ${invoiceId} FOR NO KEY UPDATE SKIP LOCKED`;
  return rows.length > 0;
}
