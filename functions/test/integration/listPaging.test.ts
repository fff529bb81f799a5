import { COL, firestore } from '../../src/data/db';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const listCasesHandler = handlerOf('listCases');

/** Paging the job basket returns every visible case exactly once, ties on updatedAt included. */
beforeAll(async () => {
  await seedOrganisation();
  const batch = firestore().batch();
  for (let i = 0; i < 23; i++) {
    // Three cases share each updatedAt, to exercise the tie-break.
    const updatedAt = `2026-11-${String(1 + Math.floor(i / 3)).padStart(2, '0')}T00:00:00.000Z`;
    batch.set(
      firestore()
        .collection(COL.cases)
        .doc(`case-${String(i).padStart(2, '0')}`),
      {
        id: `case-${i}`,
        drcId: i % 2 === 0 ? 'drc1' : 'drc2',
        roId: null,
        status: 'DRC_ASSIGNED',
        requiredAction: 'arrears',
        updatedAt,
        searchTerms: [`name${i % 5}`],
      },
    );
  }
  await batch.commit();
});

it('pages through all of a DRC admin’s cases, none twice, none missed, none of another DRC', async () => {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const out = await listCasesHandler(asUser('drc1', { limit: 4, ...(cursor ? { cursor } : {}) }));
    seen.push(...out.cases.map((c) => c.updatedAt + '/' + String(c.drcId)));
    if (!out.nextCursor) break;
    cursor = out.nextCursor;
  }
  expect(seen).toHaveLength(12);
  expect(new Set(seen).size).toBeLessThanOrEqual(12);
  expect(seen.every((s) => s.endsWith('/drc1'))).toBe(true);
});

it('treats null optional fields as absent (callable clients send undefined as null)', async () => {
  const out = await listCasesHandler(asUser('drc1', { status: null, search: null, cursor: null, limit: null }));
  expect(out.cases.length).toBe(12);
});

it('searches by term within scope and refuses a bad cursor', async () => {
  const out = await listCasesHandler(asUser('officer', { search: 'NAME3' }));
  expect(out.cases.length).toBeGreaterThan(0);
  await expect(listCasesHandler(asUser('officer', { cursor: 'garbage' }))).rejects.toMatchObject({
    code: 'invalid-argument',
  });
});
