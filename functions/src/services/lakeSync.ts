import type { Instant } from '../domain/model/time';
import { COL, firestore } from '../data/db';
import { readDoc, runTx, setDoc } from '../data/ops';
import type { LakePage } from '../sources/lakeFeed';
import { recordSourceChange } from './sourceSync';

/** The integration account new incidents are registered as (a profile, so requests name who asked). */
export const LAKE_USER = {
  uid: 'integration-data-lake',
  email: 'data-lake@integration.debtx',
  displayName: 'Data lake sync',
  role: 'recovery_officer',
  drcId: null,
  active: true,
} as const;

const stateRef = () => firestore().collection(COL.meta).doc('dataLakeSync');

export interface LakeSyncState {
  cursor: string;
  lastRunAt: Instant | null;
  registered: number;
  changes: number;
  /** The latest problems with feed items (bounded): what an operator needs to chase with the lake's owners. */
  problems: string[];
}

export interface LakeSyncStats {
  pages: number;
  incidents: number;
  newRequests: number;
  changes: number;
  newChanges: number;
  problems: number;
}

/**
 * Reads the lake from the stored cursor, page by page: each incident becomes a registration request whose id is
 * the incident's (so a re-read registers nothing twice) and each change a source change (likewise); the cursor
 * moves on only after its page is stored, so a crash re-reads a page rather than losing one.
 */
export async function syncDataLake(
  readPage: (after: string) => Promise<LakePage>,
  now: Instant,
  maxPages = 20,
): Promise<LakeSyncStats> {
  const stats: LakeSyncStats = { pages: 0, incidents: 0, newRequests: 0, changes: 0, newChanges: 0, problems: 0 };
  const users = firestore().collection(COL.users);
  if (!(await readDoc(users.doc(LAKE_USER.uid))).exists) await setDoc(users.doc(LAKE_USER.uid), { ...LAKE_USER });
  const current = await readDoc(stateRef());
  let state: LakeSyncState = current.exists
    ? (current.data() as LakeSyncState)
    : { cursor: '', lastRunAt: null, registered: 0, changes: 0, problems: [] };
  while (stats.pages < maxPages) {
    const page = await readPage(state.cursor);
    stats.pages += 1;
    for (const item of page.items) {
      if (item.type === 'incident') {
        stats.incidents += 1;
        if (await createRegistration(item.incidentId, item.accountNumber, item.requiredAction, now)) {
          stats.newRequests += 1;
        }
      } else {
        stats.changes += 1;
        if (!(await recordSourceChange(item.change, 'lake', now)).duplicate) stats.newChanges += 1;
      }
    }
    stats.problems += page.problems.length;
    state = {
      cursor: page.next,
      lastRunAt: now,
      registered: state.registered + stats.newRequests,
      changes: state.changes + stats.newChanges,
      problems: [...page.problems, ...state.problems].slice(0, 50),
    };
    await setDoc(stateRef(), state);
    if (page.items.length === 0 && page.problems.length === 0) break;
  }
  return stats;
}

async function createRegistration(
  incidentId: string,
  accountNumber: string,
  requiredAction: string,
  now: Instant,
): Promise<boolean> {
  const ref = firestore().collection(COL.requests).doc(`lake-${incidentId}`);
  return runTx(async (tx) => {
    if ((await tx.get(ref)).exists) return false;
    tx.create(ref, {
      type: 'registerCase',
      caseId: null,
      payload: { accountNumber, requiredAction },
      clientRequestId: ref.id,
      createdBy: LAKE_USER.uid,
      createdAt: now,
      state: 'PENDING',
      error: null,
      appliedAt: null,
    });
    return true;
  });
}
