import { FieldPath, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { readQuery } from '../data/ops';
import { Refusal } from '../domain/refusal';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../domain/paging/cursor';

export const DEFAULT_PAGE = 25;

/**
 * A cursor as `read` makes it (domain/paging/cursor); a bad one is INVALID_ARGUMENT on the `cursor` field, the same
 * words for every list, whatever was wrong with it.
 */
export function readCursor<T>(cursor: string, read: (parts: readonly unknown[]) => T | undefined): T {
  try {
    return decodeCursor(cursor, read);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new Refusal('invalid-argument', error.message, { fields: { [error.field]: error.fieldMessage } });
  }
}

/** A keyset cursor: the last row's value and id, and whether no row of that value follows it (its run ended). */
function readKeysetCursor([key, id, ended, ...rest]: readonly unknown[]): [string, string, boolean] | undefined {
  if (typeof key !== 'string' || typeof id !== 'string' || !key || !id || typeof ended !== 'boolean' || rest.length)
    return undefined;
  return [key, id, ended];
}

/** Code-unit order: what Firestore's order of ASCII ids and ISO instants is, unlike localeCompare. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One page of `query` ordered by `field` (an ISO instant) descending, then id. Keyset paging by a range filter,
 * as the job basket does and docs/decisions/0004 explains (the offline emulator ignores startAfter): a page reads
 * its rows and one row to know whether more follow. A run of equal values (a bulk import stamps many cases with
 * one instant) is paged by the stored `id` field, one page at a time, never read whole: the offline emulator
 * neither filters nor orders by the document id. A page that saw a row of another value after its last row says
 * so in its cursor, and the next page then skips the (empty) query for the rest of that run: one read less.
 */
export async function keysetPage(
  query: Query,
  field: string,
  limit: number,
  cursor: string | null | undefined,
): Promise<{ docs: QueryDocumentSnapshot[]; nextCursor: string | null }> {
  const after = cursor ? readCursor(cursor, readKeysetCursor) : null;
  const idOf = (d: QueryDocumentSnapshot) => String(d.get('id') ?? d.id);
  const valueOf = (d: QueryDocumentSnapshot) => String(d.get(field));
  const byKey = (a: QueryDocumentSnapshot, b: QueryDocumentSnapshot) =>
    compare(valueOf(b), valueOf(a)) || compare(idOf(b), idOf(a));
  /** Up to `n` rows of the run of `value`, newest id first, after `afterId` (from its start when null). */
  const runPage = async (value: string, afterId: string | null, n: number) => {
    let q = query.where(field, '==', value);
    if (afterId !== null) q = q.where('id', '<', afterId);
    const docs = (await readQuery(q.orderBy('id', 'desc').limit(n))).docs;
    return docs.filter((d) => afterId === null || idOf(d) < afterId);
  };
  const ordered = query.orderBy(field, 'desc').orderBy(FieldPath.documentId(), 'desc');
  const rows: QueryDocumentSnapshot[] = [];
  if (after) {
    if (!after[2]) rows.push(...(await runPage(after[0], after[1], limit + 1)));
    if (rows.length <= limit)
      rows.push(...(await readQuery(ordered.where(field, '<', after[0]).limit(limit + 1 - rows.length))).docs);
  } else {
    rows.push(...(await readQuery(ordered.limit(limit + 1))).docs);
  }
  // Ties are ordered here too: the offline emulator ignores the documentId ordering.
  rows.sort(byKey);
  let docs = rows.slice(0, limit);
  const next = rows[limit];
  const last = docs[docs.length - 1];
  if (!next || !last) return { docs, nextCursor: null };
  const value = valueOf(last);
  let runEnded = valueOf(next) !== value;
  if (!runEnded && (!after || value !== after[0])) {
    // The page ends inside a run entered on this page: its first rows by id, as many as fit.
    const before = docs.filter((d) => valueOf(d) !== value);
    docs = [...before, ...(await runPage(value, null, limit - before.length)).sort(byKey)];
    runEnded = false;
  }
  const end = docs[docs.length - 1]!;
  return { docs, nextCursor: encodeCursor([valueOf(end), idOf(end), runEnded]) };
}
