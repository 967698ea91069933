/**
 * Cursor pagination for back-office lists. A cursor names the last row of the previous page by
 * its sort key and id (keyset pagination), not by an offset, so a page never repeats or skips a
 * row when rows are added or removed meanwhile. The cursor is opaque to callers (base64url JSON).
 */
import { validation } from '../domain/errors.ts';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  cursor?: string | null;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type KeyPart = string | number;

export function encodeCursor(parts: KeyPart[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor's parts, checked against their expected types; anything else is a 400 naming `cursor`. */
export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): KeyPart[] {
  const bad = () => validation('cursor', 'cursor is not one this list gave out (use nextCursor from the previous page)');
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parts) || parts.length !== shape.length) throw bad();
  parts.forEach((part, i) => {
    if (typeof part !== shape[i] || (typeof part === 'number' && !Number.isSafeInteger(part))) throw bad();
  });
  return parts as KeyPart[];
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw validation('limit', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return limit;
}

export interface KeysetOrder<Row> {
  /** The column rows are sorted by (then by id, in the same direction). */
  field: string;
  direction: 'asc' | 'desc';
  /** How the cursor carries the sort value: a Date as its epoch milliseconds, text as itself. */
  keyType: 'string' | 'number';
  /** The sort value of a row as the cursor carries it (a Date as its epoch milliseconds). */
  keyOf: (row: Row) => KeyPart;
  /** The cursor's value back to what the column holds. */
  toColumn?: (key: KeyPart) => unknown;
}

export interface KeysetArgs<Where> {
  after: Where | null;
  orderBy: Record<string, 'asc' | 'desc'>[];
  take: number;
}

/**
 * One page of rows in `order`: `fetch` gets a Prisma `where` fragment for "after the cursor" (or
 * null on the first page), the ORDER BY and how many rows to take (one more than the page, to
 * know if another page follows).
 */
export async function keysetPage<Row extends { id: string }, Where>(
  request: PageRequest,
  fetch: (args: KeysetArgs<Where>) => Promise<Row[]>,
  order: KeysetOrder<NoInfer<Row>>,
): Promise<Page<Row>> {
  const size = pageSize(request.limit);
  let after: Where | null = null;
  if (request.cursor) {
    const [key, id] = decodeCursor(request.cursor, [order.keyType, 'string']) as [KeyPart, string];
    const value = order.toColumn ? order.toColumn(key) : key;
    const cmp = order.direction === 'asc' ? 'gt' : 'lt';
    after = { OR: [{ [order.field]: { [cmp]: value } }, { [order.field]: value, id: { [cmp]: id } }] } as Where;
  }
  const rows = await fetch({ after, orderBy: [{ [order.field]: order.direction }, { id: order.direction }], take: size + 1 });
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > size && last ? encodeCursor([order.keyOf(last), last.id]) : null };
}

/** For `KeysetOrder` on a DateTime column. */
export const byInstant = <Row extends { id: string }>(field: string, direction: 'asc' | 'desc', get: (row: Row) => Date): KeysetOrder<Row> => ({
  field,
  direction,
  keyType: 'number',
  keyOf: (row) => get(row).getTime(),
  toColumn: (key) => new Date(key as number),
});

/** For `KeysetOrder` on a text column (names, YYYY-MM-DD days). */
export const byText = <Row extends { id: string }>(field: string, direction: 'asc' | 'desc', get: (row: Row) => string): KeysetOrder<Row> => ({
  field,
  direction,
  keyType: 'string',
  keyOf: (row) => get(row),
});
