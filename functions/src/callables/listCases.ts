import { onCall, type CallableRequest } from 'firebase-functions/v2/https';
import type { ListCasesOutput } from '../api/contract';
import { REGION } from '../config';
import { isBasketField } from '../domain/jobBasket/basket';
import type { CaseState } from '../domain/model/case';
import { caseViewFor } from '../domain/policy/caseView';
import { DEFAULT_CASE_TYPE, latestCaseType } from '../data/caseTypes';
import { basketPage, basketPageSchema, basketQuery } from '../services/basketQuery';
import { namesOf } from '../services/names';
import { callerActor, parseInput } from '../api/caller';

/**
 * The job basket: the caller's cases (scoped by role), narrowed by tab, counter, status, DRC, RO, dates and
 * search, in the chosen order, a page at a time; with the names of the DRCs and ROs on the page.
 */
export async function listCasesHandler(request: Pick<CallableRequest, 'auth' | 'data'>): Promise<ListCasesOutput> {
  const actor = await callerActor(request);
  const input = parseInput(basketPageSchema, request.data);
  const config = (await latestCaseType(DEFAULT_CASE_TYPE))!;
  const statuses = config.statuses.map(({ code, label, kind }) => ({ code, label, kind }));
  const query = basketQuery(actor, input);
  if (query === 'none') return { cases: [], nextCursor: null, statuses, names: { drcs: {}, users: {} } };
  const { docs, nextCursor } = await basketPage(query, input);
  const cases = docs.map((d) =>
    caseViewFor(
      actor.role,
      Object.fromEntries(Object.entries(d.data()).filter(([name]) => !isBasketField(name))) as CaseState,
    ),
  );
  return { cases, nextCursor, statuses, names: await namesOf(cases) };
}

export const listCases = onCall({ region: REGION }, listCasesHandler);
