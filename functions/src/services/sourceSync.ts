import {
  applySourceChange,
  caseForPayment,
  sourceChangeId,
  syncedPaymentReference,
  SYNC_ACTOR,
  type SourceChange,
} from '../domain/sync/sourceChange';
import type { CaseState } from '../domain/model/case';
import type { Instant } from '../domain/model/time';
import { mayAttempt, nextAttemptAt, plusMs, RETRY } from '../domain/requests/retries';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery, runTx } from '../data/ops';
import { log } from '../logs';
import { injectFault, SimulatedCrash } from './faults';
import { writeCaseWithAudit } from './caseAudit';
import { prepareCrossCase } from './crossCase';

/** Source changes as documents: written once per source event, worked by onSourceChangeCreated (decision 0009). */
export const SOURCE_CHANGES = COL.sourceChanges;

export type SourceChangeState = 'PENDING' | 'APPLIED' | 'NO_OPEN_CASE' | 'FAILED';

/**
 * `sourcePayments/{source}:{paymentId}` → the one case a source payment credited, written in that case's
 * transaction: a redelivery (another event id, a FAILED change run again) can never credit a second case.
 */
export const SOURCE_PAYMENTS = COL.sourcePayments;

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
  /** The delivery state machine (decision 0027): attempts so far, the last failure, the running attempt's lease. */
  attempts?: number;
  lastError?: string | null;
  leaseUntil?: Instant | null;
  nextAttemptAt?: Instant | null;
  /** Set when the change is FAILED: why, after how many attempts. */
  failedAt?: Instant | null;
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
  const doc: SourceChangeDoc = {
    id,
    change,
    via,
    state: 'PENDING',
    receivedAt: now,
    processedAt: null,
    results: [],
    attempts: 0,
    lastError: null,
  };
  const recorded = await runTx(async (tx) => {
    const snap = await tx.get(changeRef(id));
    if (snap.exists && snap.get('state') === 'FAILED') {
      // The source sent a change we gave up on again: it gets a fresh set of attempts, starting now.
      tx.update(changeRef(id), {
        state: 'PENDING',
        attempts: 0,
        leaseUntil: null,
        nextAttemptAt: null,
        redeliveredAt: now,
      });
      return { id, duplicate: false, rearmed: true };
    }
    if (snap.exists) return { id, duplicate: true, rearmed: false };
    tx.create(changeRef(id), { ...doc });
    return { id, duplicate: false, rearmed: false };
  });
  if (recorded.rearmed) {
    // No create trigger fires for a document that exists: run it here; if this attempt fails too, it is recorded
    // on the change and the sweep tries again.
    await driveSourceChange(id, now, `redelivery-${id}@${now}`, 'trigger').catch((error: unknown) =>
      log.warn('redelivered source change failed again', { id, error: (error as Error).message }),
    );
  }
  return { id: recorded.id, duplicate: recorded.duplicate };
}

/** One case, one transaction: the case's own bookkeeping (payment ids, status times) makes a repeat a no-op. */
async function applyToCase(caseId: string, change: SourceChange, changeId: string, now: Instant) {
  return runTx(async (tx): Promise<CaseChangeResult> => {
    const claimRef =
      change.kind === 'payment' ? firestore().collection(SOURCE_PAYMENTS).doc(syncedPaymentReference(change)) : null;
    const claim = claimRef ? await tx.get(claimRef) : null;
    const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
    if (claim?.exists) {
      const on = claim.get('caseId') as string;
      // This very change credited it on an attempt that died before recording its results.
      if (claim.get('changeId') === changeId && on === caseId) return { caseId, outcome: 'applied', reason: null };
      return { caseId, outcome: 'unchanged', reason: `payment ${claim.id} is already recorded on case ${on}` };
    }
    if (!snap.exists) return { caseId, outcome: 'unchanged', reason: 'the case no longer exists' };
    const c = snap.data() as CaseState;
    const config = await loadCaseType(c.caseType, c.configVersion);
    if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
    const result = applySourceChange(config, c, change, now);
    if (!result.applied) return { caseId, outcome: result.refused ? 'refused' : 'unchanged', reason: result.reason };
    const { outcome } = result;
    const plan = await prepareCrossCase(tx, outcome.case, outcome.crossCase, now, outcome.spawn);
    if (claimRef && change.kind === 'payment') {
      const credit = (outcome.case.credits ?? []).find((k) => k.reference === claimRef.id);
      tx.create(claimRef, {
        caseId,
        changeId,
        amountCents: change.amountCents,
        creditCents: credit?.amountCents ?? 0,
        creditReason: credit?.reason ?? null,
        recordedAt: now,
      });
    }
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
export async function processSourceChange(
  id: string,
  now: Instant,
  attempt = 1,
  known?: SourceChangeDoc,
): Promise<SourceChangeState | 'skipped'> {
  const doc = known ?? ((await readDoc(changeRef(id))).data() as SourceChangeDoc | undefined);
  if (!doc || doc.state !== 'PENDING') return 'skipped';
  // An account has a handful of cases over its life, so the closed ones are dropped here rather than by a
  // `closedAt == null` filter, which the offline Firestore cannot combine with another (decision 0004).
  const cases = await readQuery(
    firestore().collection(COL.cases).where('accountNumber', '==', doc.change.accountNumber),
  );
  let targets: string[];
  if (doc.change.kind === 'payment') {
    // A payment is money once: it goes to exactly one case, chosen the same way on every delivery.
    const one = caseForPayment(cases.docs.map((d) => d.data() as CaseState));
    targets = one ? [one] : [];
  } else {
    targets = cases.docs.filter((d) => !d.get('closedAt')).map((d) => d.id);
  }
  const results: CaseChangeResult[] = [];
  for (const caseId of targets) results.push(await applyToCase(caseId, doc.change, id, now));
  // Between the cases' writes and the change's own: a crash here is finished by the next attempt.
  injectFault('sourceChange:afterCases', attempt, id);
  const state: SourceChangeState = results.length ? 'APPLIED' : 'NO_OPEN_CASE';
  await runTx(async (tx) => {
    const fresh = await tx.get(changeRef(id));
    if ((fresh.data() as SourceChangeDoc | undefined)?.state !== 'PENDING') return;
    tx.update(changeRef(id), { state, processedAt: now, results, leaseUntil: null, nextAttemptAt: null });
  });
  return state;
}

/**
 * One attempt at a source change, counted and leased on its document like a request's (decision 0027): a failure
 * is recorded and thrown again for the trigger's retry; the attempt that reaches RETRY.maxAttempts parks the
 * change FAILED with the reason, where the recovery section lists it, until the source delivers it again.
 */
export async function driveSourceChange(
  id: string,
  now: Instant,
  eventId: string,
  by: 'trigger' | 'sweep' = 'trigger',
): Promise<SourceChangeState | 'skipped'> {
  const claim = await runTx(async (tx) => {
    const snap = await tx.get(changeRef(id));
    const doc = snap.data() as SourceChangeDoc | undefined;
    if (!doc || doc.state !== 'PENDING' || !mayAttempt(doc, now, by)) return null;
    const attempts = (typeof doc.attempts === 'number' ? doc.attempts : 0) + 1;
    if (attempts > RETRY.maxAttempts) {
      tx.update(changeRef(id), failedFields(attempts - 1, doc.lastError ?? 'the work stopped before it finished', now));
      return null;
    }
    tx.update(changeRef(id), {
      attempts,
      lastAttemptAt: now,
      lastEventId: eventId,
      leaseUntil: plusMs(now, RETRY.leaseMs),
      nextAttemptAt: plusMs(now, RETRY.leaseMs),
    });
    return { attempts, doc };
  });
  if (!claim) return 'skipped';
  try {
    injectFault('sourceChange:beforeApply', claim.attempts, id);
    return await processSourceChange(id, now, claim.attempts, claim.doc);
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const last = claim.attempts >= RETRY.maxAttempts;
    await runTx(async (tx) => {
      const fresh = await tx.get(changeRef(id));
      if (fresh.get('state') !== 'PENDING') return;
      tx.update(
        changeRef(id),
        last
          ? failedFields(claim.attempts, reason, now)
          : { lastError: reason, leaseUntil: null, nextAttemptAt: nextAttemptAt(now, claim.attempts) },
      );
    });
    if (last) return 'FAILED';
    throw error;
  }
}

function failedFields(attempts: number, reason: string, now: Instant): Record<string, unknown> {
  return {
    state: 'FAILED',
    lastError: `Failed after ${attempts} attempts: ${reason}`,
    failedAt: now,
    processedAt: now,
    leaseUntil: null,
    nextAttemptAt: null,
  };
}
