import 'fake-indexeddb/auto';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { createStore, keys, type UseStore } from 'idb-keyval';
import { afterEach, expect, it, vi } from 'vitest';
import type { Me } from '../../../functions/src/domain/contracts/types';
import {
  clearCopies,
  keepCopies,
  MAX_AGE_MS,
  MAX_LIST_PAGES,
  oldestShownCopy,
  readCopy,
  saveCopy,
  SAVE_DELAY_MS,
} from './deviceCopies';

/** The copies an RO's device keeps for reading offline (docs/decisions/0045). */
const ro1: Me = { uid: 'demo-ro1', email: 'ro1@demo.debtx', role: 'ro', drcId: 'drc1', displayName: 'RO 1' };
const ro3: Me = { ...ro1, uid: 'demo-ro3', email: 'ro3@demo.debtx', drcId: 'drc2', displayName: 'RO 3' };
const officer: Me = { ...ro1, uid: 'demo-officer', role: 'recovery_officer', drcId: null, displayName: 'Officer' };

let n = 0;
/** A fresh database per test: the tests share one fake IndexedDB. */
const freshStore = () => createStore(`debtx-device-test-${++n}`, 'copies');
/** A store that counts its writes, to see when the module writes without waiting on a clock. */
function countingStore() {
  const inner = freshStore();
  const counted = Object.assign(
    ((mode, callback) => {
      if (mode === 'readwrite') counted.writes += 1;
      return inner(mode, callback);
    }) as UseStore,
    { writes: 0 },
  );
  return counted;
}
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const detail = (caseId: string) => ({ case: { id: caseId, rev: 3, customerName: 'N. Perera' } });

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
  vi.useRealTimers();
});

it('keeps an RO’s case list and cases, and gives them back with their read times after a restart', async () => {
  const store = freshStore();
  const before = client();
  before.setQueryData(['listCases', { limit: 25 }], { cases: [{ id: 'C1' }], nextCursor: null }, { updatedAt: 1000 });
  before.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'), { updatedAt: 2000 });
  await saveCopy(before, ro1, 3000, store);

  const after = client();
  stops.push(await keepCopies(after, ro1, { store, now: () => 4000 }));
  expect(after.getQueryData(['getCase', { caseId: 'C1' }])).toEqual(detail('C1'));
  expect(after.getQueryState(['getCase', { caseId: 'C1' }])?.dataUpdatedAt).toBe(2000);
  expect(after.getQueryState(['listCases', { limit: 25 }])?.dataUpdatedAt).toBe(1000);
});

it('keeps only the case list and case reads, and only successful ones', async () => {
  const store = freshStore();
  const c = client();
  c.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'));
  c.setQueryData(['customerOverview', { caseId: 'C1' }], { accounts: [] });
  c.setQueryData(['listUsers', {}], { users: [{ uid: 'x' }] });
  await c.prefetchQuery({
    queryKey: ['getCase', { caseId: 'C2' }],
    queryFn: () => Promise.reject(new Error('refused')),
  });
  await saveCopy(c, ro1, Date.now(), store);
  const copy = await readCopy(ro1.uid, Date.now(), store);
  expect(copy?.queries.queries.map((q) => q.queryKey)).toEqual([['getCase', { caseId: 'C1' }]]);
  expect(copy?.me).toEqual(ro1);
});

it(`keeps the ${MAX_LIST_PAGES} newest basket pages only`, async () => {
  const store = freshStore();
  const c = client();
  for (let i = 0; i < MAX_LIST_PAGES + 5; i++)
    c.setQueryData(['listCases', { search: `s${i}` }], { cases: [] }, { updatedAt: 1000 + i });
  await saveCopy(c, ro1, 5000, store);
  const kept = (await readCopy(ro1.uid, 5000, store))!.queries.queries;
  expect(kept).toHaveLength(MAX_LIST_PAGES);
  expect(Math.min(...kept.map((q) => q.state.dataUpdatedAt))).toBe(1005);
});

it('never gives one user’s copy to another, and empties the store when another user signs in', async () => {
  const store = freshStore();
  const c = client();
  c.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'));
  await saveCopy(c, ro1, Date.now(), store);
  expect(await readCopy(ro3.uid, Date.now(), store)).toBeNull();

  const other = client();
  stops.push(await keepCopies(other, ro3, { store }));
  expect(other.getQueryData(['getCase', { caseId: 'C1' }])).toBeUndefined();
  expect(await keys(store)).toEqual([]);
});

it('keeps nothing for a user who is not an RO, and removes what was there', async () => {
  const store = freshStore();
  const c = client();
  c.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'));
  await saveCopy(c, ro1, Date.now(), store);
  const officerClient = client();
  stops.push(await keepCopies(officerClient, officer, { store }));
  expect(await keys(store)).toEqual([]);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  officerClient.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'));
  vi.advanceTimersByTime(SAVE_DELAY_MS);
  vi.useRealTimers();
  expect(await keys(store)).toEqual([]);
});

it('drops a copy older than the longest a copy may be kept', async () => {
  const store = freshStore();
  const c = client();
  c.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'));
  await saveCopy(c, ro1, 1_000, store);
  expect(await readCopy(ro1.uid, 1_000 + MAX_AGE_MS, store)).not.toBeNull();
  expect(await readCopy(ro1.uid, 1_000 + MAX_AGE_MS + 1, store)).toBeNull();
});

it('saves each new answer while kept (gathered, not once per poll), and stops on sign-out', async () => {
  const store = countingStore();
  const c = client();
  const stop = await keepCopies(c, ro1, { store });
  const writesBefore = store.writes;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  c.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'));
  c.setQueryData(['getCase', { caseId: 'C2' }], detail('C2'));
  expect(store.writes).toBe(writesBefore); // gathered for SAVE_DELAY_MS
  vi.advanceTimersByTime(SAVE_DELAY_MS);
  vi.useRealTimers();
  await vi.waitFor(async () => {
    const copy = await readCopy(ro1.uid, Date.now(), store);
    expect(copy?.queries.queries).toHaveLength(2);
  });
  expect(store.writes).toBe(writesBefore + 1); // two answers, one write
  stop();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  c.setQueryData(['getCase', { caseId: 'C3' }], detail('C3'));
  vi.advanceTimersByTime(SAVE_DELAY_MS);
  vi.useRealTimers();
  expect(store.writes).toBe(writesBefore + 1);
  expect((await readCopy(ro1.uid, Date.now(), store))?.queries.queries).toHaveLength(2);
});

it('clears every copy on sign-out', async () => {
  const store = freshStore();
  const c = client();
  c.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'));
  await saveCopy(c, ro1, Date.now(), store);
  await clearCopies(store);
  expect(await keys(store)).toEqual([]);
  expect(await readCopy(ro1.uid, Date.now(), store)).toBeNull();
});

it('reports the age of a kept read a screen shows without the server confirming it', async () => {
  const store = freshStore();
  const c = client();
  c.setQueryData(['getCase', { caseId: 'C1' }], detail('C1'), { updatedAt: 1234 });
  await saveCopy(c, ro1, 2000, store);
  const restarted = client();
  stops.push(await keepCopies(restarted, ro1, { store, now: () => 3000 }));
  const failing = new QueryObserver(restarted, {
    queryKey: ['getCase', { caseId: 'C1' }],
    queryFn: () => Promise.reject(new TypeError('Failed to fetch')),
  });
  const unsubscribe = failing.subscribe(() => {});
  stops.push(unsubscribe);
  await vi.waitFor(() => expect(failing.getCurrentResult().isError).toBe(true));
  expect(failing.getCurrentResult().data).toEqual(detail('C1'));
  expect(oldestShownCopy(restarted)).toBe(1234);
});

it('reports nothing when what is shown was just read from the server', async () => {
  const store = freshStore();
  const c = client();
  stops.push(await keepCopies(c, ro1, { store }));
  const fresh = new QueryObserver(c, {
    queryKey: ['getCase', { caseId: 'C1' }],
    queryFn: () => Promise.resolve(detail('C1')),
  });
  stops.push(fresh.subscribe(() => {}));
  await vi.waitFor(() => expect(fresh.getCurrentResult().isSuccess).toBe(true));
  expect(oldestShownCopy(c)).toBeNull();
});
