import { COL, firestore } from '../../src/data/db';
import { opCount, resetOpCount } from '../../src/data/ops';
import { apiCase, call, putCases } from '../support/apiCases';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const listCasesHandler = handlerOf('listCases');

/**
 * A cursor into a long run of equal sort values (120 CPE-only cases, all with no arrears) reads about one page,
 * not the rest of the run: paging by arrears through them costs the same per page as paging anywhere else.
 */
const RUN = 120;
const PAGE = 10;

beforeAll(async () => {
  await seedOrganisation();
  const batch = firestore().batch();
  for (let i = 0; i < RUN + 5; i++) {
    // Written out of id order, so the emulator's own order is not the id order.
    const id = `lr-${String((i * 37) % (RUN + 5)).padStart(3, '0')}`;
    batch.set(firestore().collection(COL.cases).doc(id), {
      id,
      drcId: 'drc3',
      roId: null,
      status: 'DRC_ASSIGNED',
      requiredAction: 'cpe',
      arrearsCents: i < RUN ? 0 : 5000 + i,
      accountNumber: `0030000${String(i).padStart(3, '0')}`,
      statusSince: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      basketActive: true,
      searchTerms: [],
    });
  }
  await batch.commit();
  // Mobile API lists: 60 cases changed at the same instant (as a bulk import stamps them), in another DRC, so
  // they are not in the basket run above (stored as a case write stores them, they are in its active tab).
  const same = Array.from({ length: 60 }, (_, i) =>
    apiCase(`mr-${String((i * 23) % 60).padStart(2, '0')}`, 'NEGOTIATION', { drcId: 'drc2', roId: null }),
  );
  await putCases(same);
});

it('basket cursor in a long run of equal values: each page reads about one page, and every case is seen once', async () => {
  const seen: string[] = [];
  const reads: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 30; page++) {
    resetOpCount();
    const out = await listCasesHandler(
      asUser('drc3', { tab: 'active', sort: 'arrears', limit: PAGE, ...(cursor ? { cursor } : {}) }),
    );
    // The names of DRCs and ROs on the page are read too (a few documents, not the run).
    reads.push(opCount.reads);
    seen.push(...out.cases.map((c) => c.id));
    if (!out.nextCursor) break;
    cursor = out.nextCursor;
  }
  expect(seen).toHaveLength(RUN + 5);
  expect(new Set(seen).size).toBe(RUN + 5);
  const run = seen.slice(5);
  expect(run).toEqual([...run].sort().reverse());
  expect(Math.max(...reads)).toBeLessThanOrEqual(3 * (PAGE + 1) + 5);
});

it('mobile API cursor in a long run of one instant: each page reads about one page, and every case is seen once', async () => {
  const seen: string[] = [];
  const reads: number[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    resetOpCount();
    const out = await call('listActiveCustomerNegotiations', 'drc2', { limit: PAGE, ...(cursor ? { cursor } : {}) });
    reads.push(opCount.reads);
    seen.push(...(out.items as { id: string }[]).map((c) => c.id));
    cursor = out.nextCursor as string | null;
    if (!cursor) break;
  }
  expect(seen).toHaveLength(60);
  expect(new Set(seen).size).toBe(60);
  expect(seen).toEqual([...seen].sort().reverse());
  expect(Math.max(...reads)).toBeLessThanOrEqual(2 * (PAGE + 1) + 2);
});
