import { FieldPath, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import type { BasketFilterInput, BasketPageInput } from '../domain/contracts/basket';
import { BASKET_SORTS, counterFilter, tabFilter, type BasketCounter, type BasketTab } from '../domain/jobBasket/basket';
import { searchKeyFor } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { caseListScope } from '../domain/policy/caseScope';
import { COL, firestore } from '../data/db';
import { readQuery } from '../data/ops';
import { readCursor } from './keysetPage';
import { encodeCursor } from '../domain/paging/cursor';

export type { BasketFilterInput, BasketPageInput } from '../domain/contracts/basket';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The query of the cases `actor` may see that match `filter` (no order, no limit), or 'none' when the
 * filter and the caller's scope cannot both hold. Tabs and counters are equality or range filters on
 * the case's `basket` fields (domain/jobBasket/basket.ts).
 */
export function basketQuery(
  actor: Actor,
  filter: BasketFilterInput,
  extra: { tab?: BasketTab | null; counter?: BasketCounter | null } = {},
): Query | 'none' {
  const scope = caseListScope(actor);
  if (scope === 'none') return 'none';
  const status = filter.status ?? undefined;
  let query: Query = firestore().collection(COL.cases);
  if (scope) {
    if ('value' in scope) {
      query = query.where(scope.field, '==', scope.value);
      if ('drcId' in scope) {
        if (filter.drcId && filter.drcId !== scope.drcId) return 'none';
        query = query.where('drcId', '==', scope.drcId);
      }
    } else if (scope.field === 'status' && status) {
      if (!scope.in.includes(status)) return 'none';
    } else query = query.where(scope.field, 'in', scope.in);
  }
  if (status) query = query.where('status', '==', status);
  if (filter.drcId && !(scope && 'drcId' in scope)) query = query.where('drcId', '==', filter.drcId);
  if (filter.roId) query = query.where('roId', '==', filter.roId);
  const tab = extra.tab !== undefined ? extra.tab : filter.tab;
  const counter = extra.counter !== undefined ? extra.counter : filter.counter;
  for (const f of [tab ? tabFilter(tab) : null, counter ? counterFilter(counter, today()) : null]) {
    if (f) query = query.where(f.field, f.op, f.value);
  }
  if (filter.updatedFrom) query = query.where('updatedAt', '>=', `${filter.updatedFrom}T00:00:00.000Z`);
  if (filter.updatedTo) query = query.where('updatedAt', '<=', `${filter.updatedTo}T23:59:59.999Z`);
  if (filter.openedFrom) query = query.where('openedAt', '>=', `${filter.openedFrom}T00:00:00.000Z`);
  if (filter.openedTo) query = query.where('openedAt', '<=', `${filter.openedTo}T23:59:59.999Z`);
  const term = filter.search ? searchKeyFor(filter.search) : '';
  if (term) query = query.where('searchTerms', 'array-contains', term);
  return query;
}

type Key = string | number;
/** A basket cursor: the last row's sort value and id. */
function readBasketCursor([value, id, ...rest]: readonly unknown[]): { value: Key; id: string } | undefined {
  if ((typeof value !== 'string' && typeof value !== 'number') || typeof id !== 'string' || rest.length)
    return undefined;
  return { value, id };
}

const compare = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One page of the basket in the chosen order, keyset-paged over (sort field, case id).
 * Paging is by a range filter on the sort field rather than startAfter(), which reads the same documents
 * on Firestore while the offline emulator ignores cursors (docs/decisions/0004). A run of equal values (many
 * CPE-only cases with no arrears) is paged by the case's stored `id` field: `field == value AND id > last id`,
 * ordered by id, one page at a time. The document id cannot serve: the offline emulator neither filters nor
 * orders by it. A page that ends inside a run takes the run's first rows by id; the next page goes on from there.
 */
export async function basketPage(
  query: Query,
  input: Pick<BasketPageInput, 'sort' | 'limit' | 'cursor'>,
): Promise<{ docs: QueryDocumentSnapshot[]; nextCursor: string | null }> {
  const { field, direction } = BASKET_SORTS[input.sort ?? 'updatedAt'];
  const limit = input.limit ?? 25;
  const after = input.cursor ? readCursor(input.cursor, readBasketCursor) : null;
  const sign = direction === 'desc' ? -1 : 1;
  const idOf = (d: QueryDocumentSnapshot) => String(d.get('id') ?? d.id);
  const byKey = (a: QueryDocumentSnapshot, b: QueryDocumentSnapshot) =>
    sign * (compare(a.get(field) as Key, b.get(field) as Key) || compare(idOf(a), idOf(b)));
  const ordered = query.orderBy(field, direction).orderBy(FieldPath.documentId(), direction);
  /** Up to `n` rows of the run of `value`, in id order, after `afterId` (from its start when null). */
  const runPage = async (value: Key, afterId: string | null, n: number) => {
    let q = query.where(field, '==', value);
    if (afterId !== null) q = q.where('id', direction === 'desc' ? '<' : '>', afterId);
    const docs = (await readQuery(q.orderBy('id', direction).limit(n))).docs;
    // Ordered here too: the cut must hold even where the order is not applied.
    return docs.filter((d) => afterId === null || sign * compare(idOf(d), afterId) > 0);
  };

  const rows: QueryDocumentSnapshot[] = [];
  if (after) {
    rows.push(...(await runPage(after.value, after.id, limit + 1)));
    if (rows.length <= limit) {
      const beyond = ordered.where(field, direction === 'desc' ? '<' : '>', after.value);
      rows.push(...(await readQuery(beyond.limit(limit + 1 - rows.length))).docs);
    }
  } else {
    rows.push(...(await readQuery(ordered.limit(limit + 1))).docs);
  }
  rows.sort(byKey);
  let docs = rows.slice(0, limit);
  const next = rows[limit];
  const last = docs[docs.length - 1];
  if (!next || !last) return { docs, nextCursor: null };
  const value = last.get(field) as Key;
  if (next.get(field) === value && (!after || value !== after.value)) {
    // The page ends inside a run of equal values entered on this page: its first rows by id, as many as fit.
    const before = docs.filter((d) => d.get(field) !== value);
    const run = (await runPage(value, null, limit - before.length)).sort(byKey);
    docs = [...before, ...run];
  }
  const end = docs[docs.length - 1]!;
  return { docs, nextCursor: encodeCursor([end.get(field) as Key, idOf(end)]) };
}
