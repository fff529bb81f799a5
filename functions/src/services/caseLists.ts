import type { Query } from 'firebase-admin/firestore';
import type { CaseState } from '../domain/model/case';
import { countQuery } from '../data/ops';
import { scopedCases, type ListScope } from './caseAccess';
import { DEFAULT_PAGE, keysetPage } from './keysetPage';
import type { CaseSummary } from '../domain/contracts/schemas';
import { caseSummaryOf } from '../domain/cases/caseSummary';

export interface CaseFilter {
  /** One status (==) or several (in). */
  statuses: readonly string[];
  /** Further equality filters on top-level fields, e.g. the board phase. */
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

/** A page of case summaries in the caller's scope, newest change first. */
export async function pageOfCases(
  scope: ListScope,
  filter: CaseFilter,
  page: { limit?: number | null; cursor?: string | null },
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const limit = page.limit ?? DEFAULT_PAGE;
  const { docs, nextCursor } = await keysetPage(filteredCases(scope, filter), 'updatedAt', limit, page.cursor);
  return { items: docs.map((d) => caseSummaryOf(d.data() as CaseState)), nextCursor };
}

/** How many cases match: a count() aggregation (one billed read per 1,000 matches, no documents read). */
export async function countCases(scope: ListScope, filter: CaseFilter): Promise<number> {
  return countQuery(filteredCases(scope, filter));
}

/** Counts by phase, in parallel. */
export async function countPhases(filters: Record<string, [ListScope, CaseFilter]>): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(filters).map(async ([phase, [scope, filter]]) => [phase, await countCases(scope, filter)] as const),
  );
  return Object.fromEntries(entries);
}
