import { applySourceChange, sourceChangeId, SYNC_ACTOR, type SourceChange } from '../domain/sync/sourceChange';
import type { CaseState } from '../domain/model/case';
import type { Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery, runTx } from '../data/ops';
import { writeCaseWithAudit } from './caseAudit';
import { prepareCrossCase } from './crossCase';

/** Source changes as documents: written once per source event, worked by onSourceChangeCreated (decision 0009). */
export const SOURCE_CHANGES = 'sourceChanges';

export type SourceChangeState = 'PENDING' | 'APPLIED' | 'NO_OPEN_CASE';

export interface CaseChangeResult {
  caseId: string;
  outcome: 'applied' | 'unchanged' | 'refused';
  reason: string | null;
}

export interface SourceChangeDoc {
  id: string;
  change: SourceChange;
  /** How it came: the signed webhook or the data-lake schedule. */
  via: 'webhook' | 'lake';
  state: SourceChangeState;
  receivedAt: Instant;
  processedAt: Instant | null;
  results: CaseChangeResult[];
}

const changeRef = (id: string) => firestore().collection(SOURCE_CHANGES).doc(id);

/**
 * Records a change once: a repeated delivery (the source retrying the webhook, or the lake feed carrying what the
 * webhook already brought) finds the first document and adds nothing.
 */
export async function recordSourceChange(
  change: SourceChange,
  via: SourceChangeDoc['via'],
  now: Instant,
): Promise<{ id: string; duplicate: boolean }> {
  const id = sourceChangeId(change);
  const doc: SourceChangeDoc = { id, change, via, state: 'PENDING', receivedAt: now, processedAt: null, results: [] };
  return runTx(async (tx) => {
    const snap = await tx.get(changeRef(id));
    if (snap.exists) return { id, duplicate: true };
    tx.create(changeRef(id), { ...doc });
    return { id, duplicate: false };
  });
}

/** One case, one transaction: the case's own bookkeeping (payment ids, status times) makes a repeat a no-op. */
async function applyToCase(caseId: string, change: SourceChange, changeId: string, now: Instant) {
  return runTx(async (tx): Promise<CaseChangeResult> => {
    const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
    if (!snap.exists) return { caseId, outcome: 'unchanged', reason: 'the case no longer exists' };
    const c = snap.data() as CaseState;
    const config = await loadCaseType(c.caseType, c.configVersion);
    if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
    const result = applySourceChange(config, c, change, now);
    if (!result.applied) return { caseId, outcome: result.refused ? 'refused' : 'unchanged', reason: result.reason };
    const { outcome } = result;
    const plan = await prepareCrossCase(tx, outcome.case, outcome.crossCase, now, outcome.spawn);
    writeCaseWithAudit(tx, c, outcome.case, {
      actor: SYNC_ACTOR,
      action: 'sourceChange',
      summary: result.summary,
      requestId: changeId,
      details: { change: { ...change }, signals: outcome.signals },
      transitions: outcome.transitions,
    });
    plan.apply();
    return { caseId, outcome: 'applied', reason: null };
  });
}

/**
 * Works a recorded change: applies it to every open case of its account and records per case what happened.
 * Idempotent: a second run over an applied change does nothing, and a run cut short (a crash after some cases)
 * is finished by the retry, the cases already changed answering `unchanged`.
 */
export async function processSourceChange(id: string, now: Instant): Promise<SourceChangeState | 'skipped'> {
  const snap = await readDoc(changeRef(id));
  if (!snap.exists) return 'skipped';
  const doc = snap.data() as SourceChangeDoc;
  if (doc.state !== 'PENDING') return 'skipped';
  // An account has a handful of cases over its life, so the closed ones are dropped here rather than by a
  // `closedAt == null` filter, which the offline Firestore cannot combine with another (decision 0004).
  const cases = await readQuery(
    firestore().collection(COL.cases).where('accountNumber', '==', doc.change.accountNumber),
  );
  const open = cases.docs.filter((d) => !d.get('closedAt'));
  const results: CaseChangeResult[] = [];
  for (const c of open) results.push(await applyToCase(c.id, doc.change, id, now));
  const state: SourceChangeState = results.length ? 'APPLIED' : 'NO_OPEN_CASE';
  await runTx(async (tx) => {
    const fresh = await tx.get(changeRef(id));
    if ((fresh.data() as SourceChangeDoc | undefined)?.state !== 'PENDING') return;
    tx.update(changeRef(id), { state, processedAt: now, results });
  });
  return state;
}
