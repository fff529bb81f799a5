import { AggregateField, type Query } from 'firebase-admin/firestore';
import type { CaseState } from '../domain/model/case';
import { aggregateQuery, countQuery } from '../data/ops';
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

/** Firestore runs at most five aggregations in one query. */
export const AGGREGATIONS_PER_QUERY = 5;

/**
 * The cases matching the filter, and how many of them are in each phase, from the phase flags (0 or 1) the life
 * cycle keeps on every case (domain/lifecycle/phaseFlags.ts): one aggregation query per five aggregations, each
 * with its own count() (free beside the sums: a query is billed by the index entries it matches, one read per
 * 1,000), run in parallel. See docs/decisions/0035-phase-counts.md.
 */
export async function sumPhaseFlags(
  scope: ListScope,
  filter: CaseFilter,
  flags: Record<string, string>,
): Promise<{ total: number; byPhase: Record<string, number> }> {
  const entries = Object.entries(flags);
  const groups: [string, string][][] = [];
  for (let i = 0; i < Math.max(1, entries.length); i += AGGREGATIONS_PER_QUERY - 1) {
    groups.push(entries.slice(i, i + AGGREGATIONS_PER_QUERY - 1));
  }
  const query = filteredCases(scope, filter);
  const results = await Promise.all(
    groups.map((group) =>
      aggregateQuery(
        query,
        {
          total: AggregateField.count(),
          ...Object.fromEntries(group.map(([phase, field]) => [phase, AggregateField.sum(field)])),
        },
        (data) => data.total,
      ),
    ),
  );
  const byPhase: Record<string, number> = {};
  for (const data of results) {
    for (const [phase, value] of Object.entries(data)) if (phase !== 'total') byPhase[phase] = Number(value ?? 0);
  }
  return { total: results[0]?.total ?? 0, byPhase };
}
