/**
 * The LINE accounts bound to a customer, as staff see and manage them: list, and unbind one or
 * all. An unbound account keeps its follow state (that is about the Official Account, not the
 * customer) but no longer receives the customer's messages, and the bot treats it as a stranger.
 * Messages already queued for it are re-routed by the outbox worker (it re-checks the binding).
 */
import type { AppContext } from './context.ts';
import type { Tx } from '../data/database.ts';
import { notFound } from '../domain/errors.ts';

export interface LineAccount {
  lineUserId: string;
  displayName: string | null;
  boundAt: Date | null;
  /** The customer-wide link the client confirmed the binding on. */
  boundViaLinkId: string | null;
  following: boolean;
}

const UNBOUND = { customerId: null, boundAt: null, boundViaLinkId: null };

async function requireCustomer(db: Tx | AppContext['db'], customerId: string) {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw notFound('Customer');
}

/** Oldest binding first: the account the customer confirmed first is the one messages go to. */
export async function listLineAccounts(ctx: AppContext, customerId: string): Promise<LineAccount[]> {
  await requireCustomer(ctx.db, customerId);
  return ctx.db.lineUser.findMany({
    where: { customerId },
    orderBy: [{ boundAt: 'asc' }, { createdAt: 'asc' }],
    select: { lineUserId: true, displayName: true, boundAt: true, boundViaLinkId: true, following: true },
  });
}

export async function unbindLineAccount(ctx: AppContext, input: { customerId: string; lineUserId: string }) {
  return ctx.db.$transaction(async (tx) => {
    await requireCustomer(tx, input.customerId);
    // Conditional on the binding staff saw: a second press (or a concurrent unbind) finds nothing.
    const { count } = await tx.lineUser.updateMany({ where: { lineUserId: input.lineUserId, customerId: input.customerId }, data: UNBOUND });
    if (count === 0) throw notFound('LINE account bound to this customer');
    return { customerId: input.customerId, lineUserId: input.lineUserId, unbound: true as const };
  });
}

/** Inside the caller's transaction (revoking a customer's links with `unbindLine`). */
export async function unbindAllLineAccounts(tx: Tx, customerId: string): Promise<number> {
  const { count } = await tx.lineUser.updateMany({ where: { customerId }, data: UNBOUND });
  return count;
}
