import { opCount, resetOpCount } from '../../src/data/ops';
import { BOARD_PHASES } from '../../src/domain/cases/phases';
import { encodeCursor } from '../../src/domain/paging/cursor';
import { apiCase, call, putCases } from '../support/apiCases';
import { seedOrganisation } from '../support/fixtures';

/**
 * What a later page of a list costs: its rows, the one row that says whether more follow, and the rest of the
 * cursor's run of equal values only when the previous page could not tell that run had ended.
 */
const at = (n: number) => `2026-10-${String(n).padStart(2, '0')}T00:00:00.000Z`;

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    // Distinct instants for drc1's negotiations…
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => apiCase(`D${n}`, 'NEGOTIATION', { updatedAt: at(n) })),
    // …and a run of five equal instants for drc2's (a bulk import stamps many cases with one instant).
    ...[1, 2, 3, 4, 5].map((n) =>
      apiCase(`T${n}`, 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro3', updatedAt: at(20) }),
    ),
    apiCase('T0', 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro3', updatedAt: at(19) }),
    // drc3's board: one from before the board record (no phase), one escalated, one with its hearing set.
    apiCase('M1', 'MEDIATION_BOARD', { drcId: 'drc3', roId: 'demo-ro5', updatedAt: at(1) }),
    apiCase('M2', 'MEDIATION_BOARD', { drcId: 'drc3', roId: 'demo-ro5', updatedAt: at(2), boardPhase: 'escalated' }),
    apiCase('M3', 'MEDIATION_BOARD', {
      drcId: 'drc3',
      roId: 'demo-ro5',
      updatedAt: at(3),
      boardPhase: 'hearing_scheduled',
    }),
  ]);
});

type Page = { items: { id: string }[]; nextCursor: string | null };

async function pageAll(user: string, limit: number): Promise<{ seen: string[]; extra: number[] }> {
  const seen: string[] = [];
  const extra: number[] = [];
  let cursor: string | null = null;
  // The caller's profile is read once, then cached: warm it so each page counts only the list's reads.
  await call('listDrcNegotiationCases', user, { limit });
  for (let i = 0; i < 20; i++) {
    resetOpCount();
    const page: Page = await call('listDrcNegotiationCases', user, { limit, cursor });
    extra.push(opCount.reads - page.items.length);
    seen.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { seen, extra };
}

it('a later page whose cursor ended a run of equal values reads one row beyond its own, not two', async () => {
  const { seen, extra } = await pageAll('drc1', 2);
  expect(seen).toEqual(['D7', 'D6', 'D5', 'D4', 'D3', 'D2', 'D1']);
  // Every page: its rows plus the row after them (the last page has none after it and reads only its own).
  expect(extra).toEqual([1, 1, 1, 0]);
});

it('a page that ends inside a run of equal values still pages the rest of the run, every case once', async () => {
  const { seen } = await pageAll('drc2', 2);
  expect(seen).toHaveLength(6);
  expect(new Set(seen).size).toBe(6);
  expect(seen[seen.length - 1]).toBe('T0');
});

it('refuses a cursor whose run mark is not one it wrote, as it refuses any bad cursor', async () => {
  const forged = encodeCursor([at(3), 'D3', 'x']);
  await expect(call('listDrcNegotiationCases', 'drc1', { cursor: forged })).rejects.toMatchObject({
    code: 'invalid-argument',
  });
});

it('board phase counts: escalated is the total less the recorded phases, one aggregation fewer', async () => {
  await call('countMediationBoardPhaseCases', 'drc3', {});
  resetOpCount();
  const out = await call('countMediationBoardPhaseCases', 'drc3', {});
  expect(out.total).toBe(3);
  expect(out.byPhase.escalated).toBe(2);
  expect(out.byPhase.hearing_scheduled).toBe(1);
  expect(Object.keys(out.byPhase).sort()).toEqual([...BOARD_PHASES].sort());
  // The total and every phase but escalated: a count and six phase-flag sums, two aggregation queries (at most
  // five aggregations each), one billed read each (docs/decisions/0035-phase-counts.md; it was one per phase).
  expect(opCount.reads).toBe(2);
});
