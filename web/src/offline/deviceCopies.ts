/**
 * An RO's cases kept on the device for reading offline (docs/decisions/0045): the job basket's pages and the
 * cases they opened, as TanStack Query last read them, saved in IndexedDB while online and put back into the
 * query cache when the app starts again, for the signed-in RO only. Cleared on sign-out and when another user
 * signs in. No React and no Firebase here; the session wires it (app/useSession.ts).
 */
import { dehydrate, hydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query';
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Me } from '../../../functions/src/domain/contracts/types';

/** The IndexedDB database and object store the copies live in (the browser test checks it is empty after sign-out). */
export const DEVICE_DB = 'debtx-device';
export const DEVICE_STORE = 'copies';
const COPY_KEY = 'copy';
/** Bumped when what is stored changes shape: an older copy is dropped rather than misread. */
const FORMAT = 1;

/** The reads kept: the RO's basket pages and the case pages they opened (both limited to their own cases by the server). */
export const KEPT_OPERATIONS: readonly string[] = ['listCases', 'getCase'];
/** A copy older than this is not shown: a week-old case is no basis for a call, and the customer's data should not linger. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Basket pages kept (each filter and search is its own page); the newest ones, so a session of searching stays small. */
export const MAX_LIST_PAGES = 20;
/** Writes are gathered for this long: a poll every 2 s must not rewrite the store every 2 s per query. */
export const SAVE_DELAY_MS = 1_000;

export interface DeviceCopy {
  format: number;
  uid: string;
  /** When the copy was last written (each query carries its own read time as dataUpdatedAt). */
  savedAt: number;
  /** Who the user is to DebtX, so the app can start offline without asking the server. */
  me: Me;
  queries: DehydratedState;
}

let defaultStore: UseStore | null = null;
/** Opened on first use: importing this module must not touch IndexedDB (tests, browsers that block it). */
export const deviceStore = (): UseStore => (defaultStore ??= createStore(DEVICE_DB, DEVICE_STORE));

const isKept = (query: Query) => KEPT_OPERATIONS.includes(String(query.queryKey[0]));

/** The queries worth keeping now: successful reads of the kept operations, the newest basket pages only. */
function keptQueries(client: QueryClient): Set<Query> {
  const successful = client
    .getQueryCache()
    .getAll()
    .filter((q) => isKept(q) && q.state.status === 'success' && q.state.data !== undefined);
  const lists = successful
    .filter((q) => q.queryKey[0] === 'listCases')
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .slice(0, MAX_LIST_PAGES);
  return new Set([...successful.filter((q) => q.queryKey[0] !== 'listCases'), ...lists]);
}

/** The stored copy of `uid`, or null when there is none, it is someone else's, of an older format, or too old. */
export async function readCopy(uid: string, now = Date.now(), store = deviceStore()): Promise<DeviceCopy | null> {
  try {
    const copy = await get<DeviceCopy>(COPY_KEY, store);
    if (!copy || copy.format !== FORMAT || copy.uid !== uid || now - copy.savedAt > MAX_AGE_MS) return null;
    return copy;
  } catch {
    // IndexedDB blocked or broken (private mode, storage policy): the app works online as before.
    return null;
  }
}

/** Writes what `client` holds of the kept reads, as `me`'s copy (one user's copy at most: it replaces any other). */
export async function saveCopy(client: QueryClient, me: Me, now = Date.now(), store = deviceStore()): Promise<void> {
  const kept = keptQueries(client);
  const queries = dehydrate(client, { shouldDehydrateQuery: (q) => kept.has(q) });
  const copy: DeviceCopy = { format: FORMAT, uid: me.uid, savedAt: now, me, queries };
  await set(COPY_KEY, copy, store);
}

/** Removes every stored copy (sign-out, another user). */
export async function clearCopies(store = deviceStore()): Promise<void> {
  try {
    await del(COPY_KEY, store);
    await clear(store);
  } catch {
    /* nothing could be stored either */
  }
}

/**
 * Puts `me`'s stored reads back into the query cache (each with the time it was read, so it shows as that old
 * and is read again as soon as there is a connection) and keeps the store up to date with every new answer,
 * until the returned function is called. Kept queries then live as long as a copy may (MAX_AGE_MS), rather than
 * the five minutes an unused query is otherwise kept in memory: a case opened this morning is still there at
 * noon. Only an RO's reads are kept; for anyone else the store is emptied.
 */
export async function keepCopies(
  client: QueryClient,
  me: Me,
  options: { store?: UseStore; now?: () => number } = {},
): Promise<() => void> {
  const store = options.store ?? deviceStore();
  const now = options.now ?? Date.now;
  if (me.role !== 'ro') {
    await clearCopies(store);
    return () => {};
  }
  for (const op of KEPT_OPERATIONS) client.setQueryDefaults([op], { gcTime: MAX_AGE_MS });
  const copy = await readCopy(me.uid, now(), store);
  if (copy) hydrate(client, copy.queries);
  else await clearCopies(store);
  keeping = me.uid;

  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const save = () => {
    timer = null;
    if (!stopped) void saveCopy(client, me, now(), store).catch(() => undefined);
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    const changed = (event.type === 'updated' && event.action.type === 'success') || event.type === 'removed';
    if (changed && isKept(event.query) && !timer) timer = setTimeout(save, SAVE_DELAY_MS);
  });
  return () => {
    stopped = true;
    keeping = null;
    if (timer) clearTimeout(timer);
    unsubscribe();
    for (const op of KEPT_OPERATIONS) client.setQueryDefaults([op], { gcTime: undefined });
  };
}

let keeping: string | null = null;

/** Whether this page keeps copies now (an RO is signed in): only then is a shown read "saved on this device". */
export const keepingCopies = (): boolean => keeping !== null;

/**
 * The read time of the oldest kept read a screen shows without having confirmed it with the server (offline, or
 * its last read failed), or null when everything shown is fresh. What the data-age note says.
 */
export function oldestShownCopy(client: QueryClient): number | null {
  if (!keepingCopies()) return null;
  let oldest: number | null = null;
  for (const q of client.getQueryCache().getAll()) {
    if (!isKept(q) || q.getObserversCount() === 0 || q.state.data === undefined) continue;
    const unconfirmed = q.state.fetchStatus === 'paused' || q.state.status === 'error';
    if (unconfirmed && (oldest === null || q.state.dataUpdatedAt < oldest)) oldest = q.state.dataUpdatedAt;
  }
  return oldest;
}
