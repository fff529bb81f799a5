import { buildNewCase, caseIdFor, customerKeyOf, openCaseKey } from '../domain/cases/newCase';
import { describeOutcome } from '../domain/lifecycle/describe';
import { applyAction, completeTask, manualTransition, statusOf, type EngineResult } from '../domain/lifecycle/engine';
import { REQUIRED_ACTION_LABELS, type CaseState } from '../domain/model/case';
import { formatLkr } from '../domain/model/money';
import type { Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { canSeeCase, REQUEST_ROLES } from '../domain/policy/caseScope';
import { issuesToFields, requestEnvelope, requestSchema, type ParsedRequest } from '../domain/requests/schemas';
import { pleaseCorrect } from '../domain/validation/issues';
import { actorFromProfile, type UserProfile } from '../data/actors';
import { DEFAULT_CASE_TYPE, latestCaseType, loadCaseType } from '../data/caseTypes';
import type { CaseTypeConfig } from '../domain/lifecycle/types';
import { COL, firestore } from '../data/db';
import { readDoc, runTx, type Tx } from '../data/ops';
import type { AccountSource, SourceAccount } from '../sources/types';
import { prepareSlotTake, retryOnCollision, takeDrcSlot } from './assignDrc';
import { writeCaseWithAudit } from './caseAudit';
import { CUSTOMER_ACTIONS, foreignLeaseIn } from './presence';
import { prepareCrossCase } from './crossCase';
import { lookupWithRetry } from './sourceLookup';
import { reject, RejectedError, type Rejection } from './rejections';
import { exhaustedMessage, mayAttempt, nextAttemptAt, plusMs, RETRY } from '../domain/requests/retries';
import { injectFault, SimulatedCrash } from './faults';
import { isAlreadyExists } from './bulkImportStore';
import {
  complianceNote,
  contactHistoryRef,
  contactVerdict,
  describeVerdict,
  historyWithContact,
  RAISES_INDICATOR,
  type GateVerdict,
} from './compliance/contactGate';

export interface RequestDeps {
  source: AccountSource;
  now: () => Instant;
}

export type RequestOutcome = 'applied' | 'rejected' | 'skipped';

const requestRef = (id: string) => firestore().collection(COL.requests).doc(id);
const caseRef = (id: string) => firestore().collection(COL.cases).doc(id);

/**
 * Applies one request document. Idempotent: every step re-reads the request inside its transaction
 * and does nothing unless it is still PENDING, so a redelivered event changes nothing.
 */
export async function processRequest(
  requestId: string,
  data: unknown,
  deps: RequestDeps,
  eventId: string,
  /** The caller has just read or written `data` itself (the bulk-import runner): no need to read it again. */
  options: { fresh?: boolean } = {},
): Promise<RequestOutcome> {
  const raw = (data ?? {}) as Record<string, unknown>;
  if (raw.state !== 'PENDING') return 'skipped';
  try {
    const envelope = requestEnvelope.safeParse(raw);
    if (!envelope.success) reject('invalid-request', 'The request is malformed.', issuesToFields(envelope.error));
    const body = requestSchema.safeParse(raw);
    if (!body.success) {
      const fields = issuesToFields(body.error);
      reject('invalid-input', pleaseCorrect(fields), fields);
    }
    const request = body.data;
    const uid = envelope.data.createdBy;
    if (request.type === 'registerCase') {
      // The event's snapshot may be stale (a redelivery, or the sweep after the trigger applied it):
      // one read here spares the source systems three lookups. The transaction checks again before writing.
      if (!options.fresh && (await readDoc(requestRef(requestId))).get('state') !== 'PENDING') return 'skipped';
      const account = await fetchAccount(request.payload.accountNumber, deps.source);
      return await registerCase(requestId, uid, request, account, deps.now(), eventId);
    }
    return await applyCaseRequest(requestId, uid, request, deps.now(), eventId);
  } catch (error) {
    if (error instanceof RejectedError) {
      await markRejected(requestId, error.rejection, deps.now(), eventId);
      return 'rejected';
    }
    throw error;
  }
}

async function fetchAccount(accountNumber: string, source: AccountSource): Promise<SourceAccount> {
  const lookup = await lookupWithRetry(source, accountNumber);
  if ('failed' in lookup) {
    reject(
      'source-unavailable',
      `The source systems did not answer for account ${accountNumber}: ${lookup.reason} Try again later.`,
    );
  }
  if ('inconsistent' in lookup) {
    reject('source-inconsistent', `${lookup.reason} Correct the source records, then register again.`, {
      accountNumber: 'has inconsistent records in the source systems',
    });
  }
  if (!lookup.found)
    reject('account-not-found', lookup.reason, { accountNumber: 'is not known to the source systems' });
  return lookup.account;
}

async function loadActor(tx: Tx, uid: string, type: ParsedRequest['type']): Promise<Actor> {
  const actor = await actorFromProfile(tx, uid);
  if ('refused' in actor) reject('unknown-user', actor.refused);
  if (actor.role === 'system' || !REQUEST_ROLES[type].includes(actor.role)) {
    reject('permission-denied', `A ${actor.role} may not submit ${type} requests.`);
  }
  return actor;
}

async function pendingRequest(tx: Tx, requestId: string): Promise<boolean> {
  const snap = await tx.get(requestRef(requestId));
  return snap.exists && snap.get('state') === 'PENDING';
}

function markApplied(tx: Tx, requestId: string, caseId: string, now: Instant, eventId: string): void {
  tx.update(requestRef(requestId), {
    state: 'APPLIED',
    caseId,
    appliedAt: now,
    error: null,
    processedEventId: eventId,
  });
}

async function caseTypeToRegister(request: Extract<ParsedRequest, { type: 'registerCase' }>): Promise<CaseTypeConfig> {
  const caseTypeId = request.payload.caseType ?? DEFAULT_CASE_TYPE;
  const config = await latestCaseType(caseTypeId);
  if (!config)
    reject('unknown-case-type', `There is no case type "${caseTypeId}".`, { caseType: 'is not a case type' });
  return config;
}

/** Everything a registration decides before its transaction writes. */
interface Registration {
  /** The request's id, or an import row's registration id: it names the case (caseIdFor) and its audit event. */
  registrationId: string;
  request: Extract<ParsedRequest, { type: 'registerCase' }>;
  account: SourceAccount;
  config: CaseTypeConfig;
  actor: Actor;
  now: Instant;
}

/**
 * The registration itself, in the caller's transaction: the open-case key (a duplicate is refused), a blocking
 * case of another type, the new case and its audit event. Shared by a request and a bulk-import row, so both get
 * the same checks and the same words. `ownKey` is told the existing key first: true means this registration made
 * it already (a bulk-import row run again after a crash) and nothing is written.
 */
async function registerInTx(
  tx: Tx,
  r: Registration,
  ownKey: (existingCaseId: unknown) => boolean = () => false,
): Promise<{ caseId: string; already: boolean }> {
  const { request, account, config, actor, now, registrationId } = r;
  const { accountNumber, requiredAction } = request.payload;
  const caseId = caseIdFor(accountNumber, requiredAction, registrationId);
  const customerKey = customerKeyOf(account);
  const keyRef = firestore()
    .collection(COL.openCases)
    .doc(openCaseKey(config, accountNumber, customerKey, requiredAction));
  const existing = await tx.get(keyRef);
  if (existing.exists) {
    if (ownKey(existing.get('caseId'))) return { caseId, already: true };
    const what = config.id === DEFAULT_CASE_TYPE ? `"${REQUIRED_ACTION_LABELS[requiredAction]}"` : config.name;
    reject(
      'duplicate-case',
      `Account ${accountNumber} already has an open case for ${what} (${existing.get('caseId')}).`,
      {
        accountNumber: 'already has an open case of this kind',
      },
    );
  }
  if (config.blockedBy?.length) {
    const others = await tx.query(firestore().collection(COL.cases).where('customerKey', '==', customerKey));
    const blocker = others.docs
      .map((d) => d.data() as CaseState)
      .find((o) => !o.closedAt && config.blockedBy!.includes(o.caseType));
    if (blocker) {
      reject(
        'blocked-by-case',
        `The customer has an open ${blocker.caseType} case (${blocker.id}); a ${config.name} case cannot start while it is open.`,
      );
    }
  }
  const built = buildNewCase(config, account, requiredAction, caseId, actor, now, request.payload.fields ?? {});
  if ('ok' in built) reject(built.code, built.message, built.fields);
  const plan = await prepareCrossCase(tx, built.case, built.crossCase, now, built.spawn);
  tx.create(keyRef, { caseId, accountNumber, requiredAction, caseType: config.id, openedAt: now });
  const c = built.case;
  writeCaseWithAudit(tx, null, c, {
    actor,
    action: 'registerCase',
    summary: `Registered (${config.name}): ${REQUIRED_ACTION_LABELS[requiredAction]}, ${c.products.length} product(s), arrears ${formatLkr(c.arrearsCents)}${c.cpe.length ? `, ${c.cpe.length} CPE item(s)` : ''}`,
    requestId: registrationId,
    details: {
      accountNumber,
      requiredAction,
      caseType: config.id,
      fields: request.payload.fields ?? {},
      source: 'BSS/OSS/CRM',
    },
    transitions: [],
  });
  plan.apply();
  return { caseId, already: false };
}

async function registerCase(
  requestId: string,
  uid: string,
  request: Extract<ParsedRequest, { type: 'registerCase' }>,
  account: SourceAccount,
  now: Instant,
  eventId: string,
): Promise<RequestOutcome> {
  const config = await caseTypeToRegister(request);
  return runTx(async (tx) => {
    if (!(await pendingRequest(tx, requestId))) return 'skipped';
    const actor = await loadActor(tx, uid, 'registerCase');
    const { caseId } = await registerInTx(tx, { registrationId: requestId, request, account, config, actor, now });
    markApplied(tx, requestId, caseId, now, eventId);
    return 'applied';
  });
}

/** Who registers a bulk import's rows: the uploader, checked as a request's author is (read once per chunk). */
export async function importActor(uid: string): Promise<Actor | { refused: Rejection }> {
  try {
    return await runTx((tx) => loadActor(tx, uid, 'registerCase'));
  } catch (error) {
    if (error instanceof RejectedError) return { refused: error.rejection };
    throw error;
  }
}

export type RowRegistration = { caseId: string; already: boolean } | { refused: Rejection };

/**
 * Registers one bulk-import row without a request document: the payload gets the request's validation, source
 * lookup and registration transaction (registerInTx). The row's idempotency is its registration id
 * (`${importId}_${row}`): it fixes the case id, so an open-case key holding that case id means this row was
 * registered before (a chunk run again after a crash) and nothing is written; a case of that id that exists
 * already (registered, then closed, before the re-run) stops the transaction's create and counts as registered.
 */
export async function registerImportRow(
  registrationId: string,
  payload: Record<string, unknown>,
  actor: Actor,
  deps: RequestDeps,
  /**
   * The row's chunk is being run again (its runner died, or an attempt failed): its case may exist with its key
   * freed (closed meanwhile), so the case is read first. Only such chunks pay that read; elsewhere the case's
   * create refuses it, which the offline emulator does not do for a create that is not the commit's first write.
   */
  options: { rerun?: boolean } = {},
): Promise<RowRegistration> {
  let caseId: string | null = null;
  try {
    const body = requestSchema.safeParse({ type: 'registerCase', caseId: null, payload });
    if (!body.success) {
      const fields = issuesToFields(body.error);
      reject(
        'invalid-input',
        `Please correct: ${Object.entries(fields)
          .map(([k, v]) => `${k} ${v}`)
          .join('; ')}.`,
        fields,
      );
    }
    const request = body.data;
    if (request.type !== 'registerCase') throw new Error('an import row is always a registration');
    caseId = caseIdFor(request.payload.accountNumber, request.payload.requiredAction, registrationId);
    const account = await fetchAccount(request.payload.accountNumber, deps.source);
    const config = await caseTypeToRegister(request);
    const now = deps.now();
    const mine = caseId;
    return await runTx(async (tx) => {
      if (options.rerun && (await tx.get(caseRef(mine))).exists) return { caseId: mine, already: true };
      return registerInTx(
        tx,
        { registrationId, request, account, config, actor, now },
        (existing) => existing === mine,
      );
    });
  } catch (error) {
    if (error instanceof RejectedError) return { refused: error.rejection };
    if (caseId && isAlreadyExists(error) && (await readDoc(caseRef(caseId))).exists) return { caseId, already: true };
    throw error;
  }
}

async function applyCaseRequest(
  requestId: string,
  uid: string,
  request: Exclude<ParsedRequest, { type: 'registerCase' }>,
  now: Instant,
  eventId: string,
): Promise<RequestOutcome> {
  // A placement by hand takes a slot on the DRC's audit chain: a lost race for its event id is retried afresh.
  return retryOnCollision(() =>
    runTx(async (tx) => {
      if (!(await pendingRequest(tx, requestId))) return 'skipped';
      const actor = await loadActor(tx, uid, request.type);
      const snap = await tx.get(caseRef(request.caseId));
      const current = snap.exists ? (snap.data() as CaseState) : null;
      // An actor outside the case's scope gets the same answer as for a case that does not exist.
      if (!current || !canSeeCase(actor, current))
        reject('unknown-case', `No case ${request.caseId} that you can work.`);
      if (request.type === 'caseAction' && CUSTOMER_ACTIONS.includes(request.payload.action)) {
        // The customer lock holds for request documents written directly too (the full-stack web client writes
        // them): checked here, in the transaction that applies the request. The holder may be of another DRC, so
        // the refusal names nobody.
        if (await foreignLeaseIn(tx, actor, current, now))
          reject(
            'lease-held',
            'Another user is working with this customer right now; try again when they have finished.',
          );
      }
      const config = await loadCaseType(current.caseType, current.configVersion);
      if (!config)
        throw new Error(`case ${current.id} runs unknown case type ${current.caseType} v${current.configVersion}`);
      const expectedRev = request.payload.expectedRev;
      if (expectedRev !== undefined && expectedRev !== current.rev) {
        reject(
          'conflict',
          `The case changed after you opened it (it is now ${statusOf(config, current.status)?.label ?? current.status}). Review it and submit again.`,
        );
      }
      let outcome: EngineResult;
      let action: string;
      let what: Parameters<typeof describeOutcome>[1];
      if (request.type === 'caseAction') {
        const { action: code, result, inputs } = request.payload;
        if (code === 'assignRo') await checkRoForCase(tx, inputs.roId, current);
        outcome = applyAction(config, current, { action: code, result, inputs, requestId }, actor, now);
        action = `${code}/${result}`;
        what = { action: code, result };
      } else if (request.type === 'completeTask') {
        outcome = completeTask(config, current, request.payload.taskId, request.payload.notes ?? '', actor, now);
        action = 'completeTask';
        const label = current.tasks.find((t) => t.id === request.payload.taskId)?.label ?? request.payload.taskId;
        what = { action: 'completeTask', result: label };
      } else {
        outcome = manualTransition(config, current, request.payload.to, request.payload.reason, actor, now);
        action = `manual:${request.payload.to}`;
        what = { manualTo: request.payload.to };
      }
      if (!outcome.ok) reject(outcome.code, outcome.message, outcome.fields);
      const after = outcome.case;
      const gate =
        request.type === 'caseAction' ? await gateRoContact(tx, config, current, actor, request.payload, now) : null;
      // Reads first (Firestore transactions read before they write): the DRC a placement by hand takes a slot of,
      // checked as automatic placement checks it, and the other cases a cross-case rule touches.
      const slot = await prepareSlotTake(tx, current, after);
      if ('refused' in slot) reject('drc-refused', slot.refused, { drcId: 'cannot take this case' });
      const plan = await prepareCrossCase(tx, after, outcome.crossCase, now, outcome.spawn);
      const summary = describeOutcome(config, what, outcome.inputs, outcome.transitions);
      const taken = 'take' in slot ? slot.take : null;
      // The DRC slot is the first write (see takeDrcSlot).
      if (taken) takeDrcSlot(tx, taken, current.id, { reason: summary, details: { requestId } }, actor, now, requestId);
      if (gate) tx.set(contactHistoryRef(current), { ...historyWithContact(gate, now), updatedAt: now });
      writeCaseWithAudit(tx, current, after, {
        actor,
        action,
        summary,
        requestId,
        details: {
          inputs: outcome.inputs,
          signals: outcome.signals,
          ...(gate ? { compliance: complianceNote(gate) } : {}),
        },
        transitions: outcome.transitions,
        slotTaken: taken?.id,
      });
      plan.apply();
      markApplied(tx, requestId, current.id, now, eventId);
      return 'applied';
    }),
  );
}

/**
 * An RO's own contact with the customer (a result that records a contact) passes the contact gate the outbound
 * messages pass: a contact an opt-out, an indicator or a hold forbids is rejected with the reason; one outside the
 * hours or over the caps is recorded with the warning on its audit event; either way it counts towards the caps.
 * A result that itself reports a dispute, a death, a bankruptcy or a do-not-contact request is always recorded:
 * it only adds protection. Reads only; the caller writes the history after its other reads.
 */
async function gateRoContact(
  tx: Tx,
  config: CaseTypeConfig,
  c: CaseState,
  actor: Actor,
  payload: { action: string; result: string; inputs: Record<string, unknown> },
  now: Instant,
): Promise<GateVerdict | null> {
  if (actor.role !== 'ro') return null;
  const result = config.actions.find((a) => a.code === payload.action)?.results.find((r) => r.code === payload.result);
  if (!result?.effects.includes('recordContact')) return null;
  const verdict = await contactVerdict(tx, c, String(payload.inputs.channel ?? ''), now);
  if (verdict.check.decision === 'block' && !result.effects.some((e) => RAISES_INDICATOR.has(e))) {
    reject('contact-blocked', describeVerdict(verdict));
  }
  return verdict;
}

async function checkRoForCase(tx: Tx, roId: unknown, c: CaseState): Promise<void> {
  if (typeof roId !== 'string' || roId.length === 0 || roId.length > 128) {
    reject('invalid-input', 'Please choose a recovery officer.', { roId: 'is required' });
  }
  const snap = await tx.get(firestore().collection(COL.users).doc(roId));
  const profile = snap.exists ? (snap.data() as UserProfile) : null;
  if (!profile || profile.role !== 'ro' || profile.drcId !== c.drcId || !profile.active) {
    reject('invalid-ro', `That person is not an active recovery officer of the case's DRC.`, {
      roId: 'is not an active RO of this DRC',
    });
  }
}

async function markRejected(requestId: string, rejection: Rejection, now: Instant, eventId: string): Promise<void> {
  await runTx(async (tx) => {
    if (!(await pendingRequest(tx, requestId))) return;
    tx.update(requestRef(requestId), {
      state: 'REJECTED',
      error: rejection,
      appliedAt: now,
      processedEventId: eventId,
    });
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One attempt at a request, counted and leased on the request document (the delivery state machine: PENDING with
 * a lease while an attempt runs, then APPLIED or REJECTED). Called by the trigger (retried by the platform when
 * this throws) and by the sweep. A failure is recorded with its reason and thrown again for a retry; the attempt
 * that reaches RETRY.maxAttempts rejects the request with that reason instead. The apply itself is one
 * transaction, so an attempt that dies half-way changed nothing and the next one starts clean.
 */
export async function driveRequest(
  requestId: string,
  deps: RequestDeps,
  eventId: string,
  by: 'trigger' | 'sweep' = 'trigger',
): Promise<RequestOutcome> {
  const now = deps.now();
  const claim = await runTx(async (tx) => {
    const snap = await tx.get(requestRef(requestId));
    if (!snap.exists || snap.get('state') !== 'PENDING') return null;
    const data = snap.data() as Record<string, unknown>;
    if (!mayAttempt(data as { leaseUntil?: string; nextAttemptAt?: string }, now, by)) return null;
    const attempts = (typeof data.attempts === 'number' ? data.attempts : 0) + 1;
    if (attempts > RETRY.maxAttempts) {
      // Every attempt died before it could record why (a crash, a timeout): the request ends here.
      const reason = typeof data.lastError === 'string' ? data.lastError : 'the work stopped before it finished';
      tx.update(requestRef(requestId), rejectedFields(attempts - 1, reason, now, eventId));
      return null;
    }
    tx.update(requestRef(requestId), {
      attempts,
      lastAttemptAt: now,
      leaseUntil: plusMs(now, RETRY.leaseMs),
      nextAttemptAt: plusMs(now, RETRY.leaseMs),
    });
    return { attempts, data };
  });
  if (!claim) return 'skipped';
  try {
    injectFault('request:beforeApply', claim.attempts, requestId);
    // Read in the claim's transaction just now: no need to read it again.
    return await processRequest(requestId, claim.data, deps, eventId, { fresh: true });
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    const reason = messageOf(error);
    const last = claim.attempts >= RETRY.maxAttempts;
    await runTx(async (tx) => {
      if (!(await pendingRequest(tx, requestId))) return;
      tx.update(
        requestRef(requestId),
        last
          ? rejectedFields(claim.attempts, reason, now, eventId)
          : { lastError: reason, leaseUntil: null, nextAttemptAt: nextAttemptAt(now, claim.attempts) },
      );
    });
    if (last) return 'rejected';
    throw error;
  }
}

function rejectedFields(attempts: number, reason: string, now: Instant, eventId: string): Record<string, unknown> {
  const rejection: Rejection = { code: 'not-processed', message: exhaustedMessage(attempts, reason) };
  return {
    state: 'REJECTED',
    error: rejection,
    lastError: reason,
    appliedAt: now,
    leaseUntil: null,
    nextAttemptAt: null,
    processedEventId: eventId,
  };
}
