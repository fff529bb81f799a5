import type { z } from 'zod';
import type { BasketFilterInput, jobBasketCounts } from '../domain/contracts/basket';
import { BASKET_COUNTERS, tabsFor, type BasketCounter } from '../domain/jobBasket/basket';
import { OPERATOR_ROLES, type Actor } from '../domain/model/roles';
import { COL, firestore } from '../data/db';
import { countQuery, readQuery } from '../data/ops';
import { basketQuery } from './basketQuery';

type BasketCountsOutput = z.input<typeof jobBasketCounts.output>;

/**
 * The DRCs and ROs the caller may filter the basket by: the directories the policy table lets them read (all for
 * the operator's staff, their own DRC's ROs for a DRC admin). An RO, the returned-CPE desk and the mediation board
 * read neither, so they get no choices (they may still filter by an id they have from a case they see).
 */
async function filterChoices(actor: Actor): Promise<Pick<BasketCountsOutput, 'drcs' | 'ros'>> {
  if (!(OPERATOR_ROLES as readonly string[]).includes(actor.role) && actor.role !== 'drc_admin')
    return { drcs: [], ros: [] };
  let ros = firestore().collection(COL.users).where('role', '==', 'ro');
  if (actor.role === 'drc_admin') ros = ros.where('drcId', '==', actor.drcId ?? '');
  const [drcSnap, roSnap] = await Promise.all([
    actor.role === 'drc_admin' ? null : readQuery(firestore().collection(COL.drcs)),
    readQuery(ros),
  ]);
  return {
    drcs: (drcSnap?.docs ?? []).map((d) => ({ id: d.id, name: String(d.get('name') ?? d.id) })),
    ros: roSnap.docs.map((d) => ({
      uid: d.id,
      name: String(d.get('displayName') ?? d.id),
      drcId: (d.get('drcId') as string | undefined) ?? null,
    })),
  };
}

/**
 * The job basket's figures: cases per tab (with the filters but no counter) and per counter (within the
 * chosen tab), each one count() aggregation scoped to what the caller may see; and the filter choices.
 */
export async function basketCounts(actor: Actor, filter: BasketFilterInput): Promise<BasketCountsOutput> {
  const tabs = actor.role === 'system' ? [] : tabsFor(actor.role);
  const tab = filter.tab ?? tabs[0] ?? 'all';
  const countOf = async (q: ReturnType<typeof basketQuery>) => (q === 'none' ? 0 : countQuery(q));
  const [tabNumbers, counterNumbers, choices] = await Promise.all([
    Promise.all(tabs.map((t) => countOf(basketQuery(actor, filter, { tab: t, counter: null })))),
    Promise.all(BASKET_COUNTERS.map((c) => countOf(basketQuery(actor, filter, { tab, counter: c })))),
    filterChoices(actor),
  ]);
  return {
    tabs,
    tabCounts: Object.fromEntries(tabs.map((t, i) => [t, tabNumbers[i]!])),
    counters: Object.fromEntries(BASKET_COUNTERS.map((c, i) => [c, counterNumbers[i]!])) as Record<
      BasketCounter,
      number
    >,
    ...choices,
  };
}
