import { keyReusedMessage, requestFingerprint } from '../domain/requests/fingerprint';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { Refusal } from '../domain/refusal';
import type { Instant } from '../domain/model/time';
import { COL, firestore } from '../data/db';
import { readDoc, runTx } from '../data/ops';
import type { BulkOperationResult } from '../domain/contracts/assignment';
import type { CaseResult } from './reassign';

export type BulkOpView = BulkOperationResult;

/**
 * Runs one bulk operation (recall, reassignment, move) idempotently by the client's operation id: the operation
 * document (`bulkOps/{id}`) is created first with a fingerprint of the request; each case is applied in its own
 * transaction that also records the case's result on it, so a retry (same id, same request) applies only the
 * cases not yet done and answers with the same results. The same id with a different request is refused.
 */
export async function runBulk(
  actor: Actor,
  operationId: string,
  kind: string,
  input: Record<string, unknown>,
  caseIds: string[],
  now: Instant,
  apply: (caseId: string) => Promise<CaseResult>,
): Promise<BulkOpView> {
  const ref = firestore().collection(COL.bulkOps).doc(operationId);
  // The same canonical fingerprint as a request's: the operation's kind is its type, its input and cases the payload.
  const fingerprint = requestFingerprint({ type: kind, caseId: null, payload: { input, caseIds } });
  const existing = await runTx(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.exists) {
      if (snap.get('createdBy') !== actor.uid || snap.get('fingerprint') !== fingerprint) {
        throw new Refusal('already-exists', keyReusedMessage(operationId), {
          fields: { operationId: 'is already used for a different request' },
        });
      }
      return snap.data() as { state: string };
    }
    tx.create(ref, {
      kind,
      createdBy: actor.uid,
      role: actor.role,
      fingerprint,
      input,
      caseIds,
      state: 'RUNNING',
      results: {},
      createdAt: now,
      finishedAt: null,
    });
    return null;
  });
  if (existing?.state !== 'DONE') {
    for (const caseId of caseIds) {
      const result = await apply(caseId);
      // A refusal changed nothing, so it is recorded on its own (and simply re-evaluated if the run is retried).
      if (!result.ok) await ref.update({ [`results.${caseId}`]: result });
    }
  }
  const done = await ref.get();
  const stored = (done.get('results') as Record<string, CaseResult>) ?? {};
  const results = caseIds.map(
    (id) => stored[id] ?? { caseId: id, ok: false, code: 'not-run', message: 'Not processed' },
  );
  const applied = results.filter((r) => r.ok).length;
  if (done.get('state') !== 'DONE') {
    await ref.update({ state: 'DONE', finishedAt: now, applied, refused: results.length - applied });
  }
  return { operationId, kind, state: 'DONE', results, applied, refused: results.length - applied };
}

/** The cases a bulk operation names, by id; those that do not exist are absent from the map. */
export async function readCases(ids: readonly string[]): Promise<Map<string, CaseState>> {
  const snaps = await Promise.all(ids.map((i) => readDoc(firestore().collection(COL.cases).doc(i))));
  return new Map(snaps.filter((s) => s.exists).map((s) => [s.id, s.data() as CaseState]));
}

/** A bulk operation is checked whole before any case changes: one problem refuses it all. */
export function refuseAll(problems: string[], field: string): never {
  throw new Refusal('invalid-argument', `Nothing was changed: ${problems.join('; ')}.`, {
    fields: { [field]: problems.join('; ') },
  });
}
