import type { Instant } from '../domain/model/time';
import { plusMs, RETRY } from '../domain/requests/retries';
import { COL, firestore } from '../data/db';
import { readQuery, updateDoc } from '../data/ops';
import { log } from '../logs';
import { assignCaseToDrc } from './assignDrc';
import { autoAssignRo } from './assignRo';
import { driveRequest, type RequestDeps } from './processRequest';
import { driveSourceChange, SOURCE_CHANGES } from './sourceSync';

export interface SweepResult {
  requests: number;
  sourceChanges: number;
  placements: number;
  failures: number;
}

/**
 * Re-drives what a trigger left unfinished (docs/decisions/0027-retries-and-the-sweep.md): requests and source
 * changes still PENDING a few minutes after they were written (their event lost, every platform retry spent, or
 * the process died mid-attempt), and cases whose DRC placement was deferred and is due again. Only what is due
 * is read (indexed queries), at most RETRY.sweepBatch of each kind per run; each document's own attempt counter
 * bounds how often it is tried before it ends REJECTED or FAILED with the reason.
 */
export async function sweepPending(now: Instant, deps: RequestDeps): Promise<SweepResult> {
  const result: SweepResult = { requests: 0, sourceChanges: 0, placements: 0, failures: 0 };
  const cutoff = plusMs(now, -RETRY.sweepAfterMs);
  const attempt = async (what: string, id: string, work: () => Promise<unknown>) => {
    try {
      // One at a time, always awaited: the sweep never leaves work running after it returns.
      return await work();
    } catch (error) {
      // Recorded on the document by the attempt itself; the next sweep (or the final state) follows.
      result.failures += 1;
      log.warn('sweep: attempt failed', { what, id, error: (error as Error).message });
      return null;
    }
  };

  const requests = await readQuery(
    firestore()
      .collection(COL.requests)
      .where('state', '==', 'PENDING')
      .where('createdAt', '<=', cutoff)
      .orderBy('createdAt')
      .limit(RETRY.sweepBatch),
  );
  for (const doc of requests.docs) {
    const outcome = await attempt('request', doc.id, () =>
      driveRequest(doc.id, deps, `sweep-${doc.id}@${now}`, 'sweep'),
    );
    if (outcome && outcome !== 'skipped') result.requests += 1;
  }

  const changes = await readQuery(
    firestore()
      .collection(SOURCE_CHANGES)
      .where('state', '==', 'PENDING')
      .where('receivedAt', '<=', cutoff)
      .orderBy('receivedAt')
      .limit(RETRY.sweepBatch),
  );
  for (const doc of changes.docs) {
    const outcome = await attempt('sourceChange', doc.id, () =>
      driveSourceChange(doc.id, now, `sweep-${doc.id}@${now}`, 'sweep'),
    );
    if (outcome && outcome !== 'skipped') result.sourceChanges += 1;
  }

  const deferred = await readQuery(
    firestore()
      .collection(COL.cases)
      .where('placementRetryAt', '<=', now)
      .orderBy('placementRetryAt')
      .limit(RETRY.sweepBatch),
  );
  for (const doc of deferred.docs) {
    await attempt('placement', doc.id, async () => {
      const eventId = `sweep-${doc.id}@${now}`;
      const outcome = await assignCaseToDrc(doc.id, now, eventId);
      if (outcome === 'skipped') {
        // Placed some other way meanwhile (a recall's re-placement), or closed: nothing is due any more.
        await updateDoc(doc.ref, { placementRetryAt: null });
        return;
      }
      if ('assigned' in outcome) {
        result.placements += 1;
        await autoAssignRo(doc.id, now, eventId);
      }
    });
  }
  return result;
}
