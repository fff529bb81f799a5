import type { DocumentSnapshot, Query } from 'firebase-admin/firestore';
import type { CaseState } from '../domain/model/case';
import { countQuery, readQuery } from '../data/ops';
import { scopedCases, type ListScope } from './access';
import { DEFAULT_PAGE, keysetPage } from './paging';
import type { CaseSummary } from './schemas';
import { caseSummaryOf } from './views';

export interface CaseFilter {
  /** One status (==) or several (in). */
  statuses: readonly string[];
  /** Further equality filters, e.g. the board phase (a nested field path). */
  equals?: Record<string, string>;
}

function baseCases(scope: ListScope, filter: CaseFilter): Query {
  const query = scopedCases(scope);
  if (filter.statuses.length === 1) return query.where('status', '==', filter.statuses[0]);
  return query.where('status', 'in', [...filter.statuses]);
}

export function filteredCases(scope: ListScope, filter: CaseFilter): Query {
  let query = baseCases(scope, filter);
  for (const [field, value] of Object.entries(filter.equals ?? {})) query = query.where(field, '==', value);
  return query;
}

/**
 * The offline Firestore (`@firestore-emulator/server` 0.3.15) answers "Not implemented" to a filter on a nested
 * field path such as `characteristics.boardPhase` (docs/decisions/0015). Real Firestore and the official emulator
 * run it; on the offline one the same filter is applied in process over the unfiltered query, so every test
 * and the demo still see the right answer. The first refusal is remembered.
 */
let nestedFiltersUnsupported = false;
const isUnimplemented = (error: unknown) => /Not implemented/i.test((error as Error)?.message ?? '');
const nestedOnly = (filter: CaseFilter) => Object.keys(filter.equals ?? {}).some((f) => f.includes('.'));

function matches(filter: CaseFilter) {
  return (doc: DocumentSnapshot) => Object.entries(filter.equals ?? {}).every(([f, v]) => doc.get(f) === v);
}

async function withNestedFallback<T>(filter: CaseFilter, direct: () => Promise<T>, fallback: () => Promise<T>) {
  if (!nestedOnly(filter)) return direct();
  if (nestedFiltersUnsupported) return fallback();
  try {
    return await direct();
  } catch (error) {
    if (!isUnimplemented(error)) throw error;
    nestedFiltersUnsupported = true;
    return fallback();
  }
}

/** A page of case summaries in the caller's scope, newest change first. */
export async function pageOfCases(
  scope: ListScope,
  filter: CaseFilter,
  page: { limit?: number | null; cursor?: string | null },
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const limit = page.limit ?? DEFAULT_PAGE;
  const { docs, nextCursor } = await withNestedFallback(
    filter,
    () => keysetPage(filteredCases(scope, filter), 'updatedAt', limit, page.cursor),
    () => keysetPage(baseCases(scope, filter), 'updatedAt', limit, page.cursor, matches(filter)),
  );
  return { items: docs.map((d) => caseSummaryOf(d.data() as CaseState)), nextCursor };
}

/** How many cases match: a count() aggregation (one billed read per 1,000 matches, no documents read). */
export async function countCases(scope: ListScope, filter: CaseFilter): Promise<number> {
  return withNestedFallback(
    filter,
    () => countQuery(filteredCases(scope, filter)),
    async () => (await readQuery(baseCases(scope, filter))).docs.filter(matches(filter)).length,
  );
}

/** Counts by phase, in parallel. */
export async function countPhases(filters: Record<string, [ListScope, CaseFilter]>): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(filters).map(async ([phase, [scope, filter]]) => [phase, await countCases(scope, filter)] as const),
  );
  return Object.fromEntries(entries);
}
