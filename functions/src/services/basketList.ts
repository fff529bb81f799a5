import type { z } from 'zod';
import type { BasketPageInput, listCases } from '../domain/contracts/basket';
import { isBasketField } from '../domain/jobBasket/basket';
import type { CaseState } from '../domain/model/case';
import { caseViewFor } from '../domain/policy/caseView';
import { DEFAULT_CASE_TYPE, latestCaseType } from '../data/caseTypes';
import type { Actor } from '../domain/model/roles';
import { basketPage, basketQuery } from './basketQuery';
import { namesOf } from './names';

/**
 * The job basket: the caller's cases (scoped by role), narrowed by tab, counter, status, DRC, RO, dates and
 * search, in the chosen order, a page at a time; with the names of the DRCs and ROs on the page.
 */
export async function listBasket(actor: Actor, input: BasketPageInput): Promise<z.input<typeof listCases.output>> {
  const config = (await latestCaseType(DEFAULT_CASE_TYPE))!;
  const statuses = config.statuses.map(({ code, label, labels, kind }) => ({
    code,
    label,
    labels: labels ?? null,
    kind,
  }));
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
