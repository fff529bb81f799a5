import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { documentId } from '../domain/model/ids';
import { REGION, nowIso } from '../config';
import {
  drcTermsSchema,
  parseDrcDoc,
  parseStoredRules,
  policyRulesSchema,
  RO_ASSIGNMENT_MODES,
  type DrcTerms,
} from '../domain/assignment/policyConfig';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import type { AuditHead, CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery, runTx, type Tx } from '../data/ops';
import { policyRef, retryOnCollision } from '../services/assignDrc';
import { runBulk, type BulkOpView } from '../services/bulkOps';
import { placeWithAgency } from '../services/agencyPlacement';
import { refreshDrcPerformance } from '../services/drcPerformance';
import { moveToDrc, reassignRo, recallCase } from '../services/reassign';
import type {
  AssignmentPolicyView,
  DrcPolicyView,
  RecallCasesInput,
  PlaceWithAgencyInput,
  ReassignCasesInput,
  SetRoAssignmentModeInput,
  SetRoProfileInput,
} from '../api/contract';
import { notVisible } from '../api/legacyRefusal';
import { canSeeCase } from '../domain/policy/caseScope';
import { callerActor, parseInput } from '../api/caller';

/**
 * Assignment administration and operations: the assignment policy (admin), each DRC's RO
 * assignment mode (its DRC admin), RO areas and capacity, recall and bulk reassignment. Every change is audited;
 * bulk operations are idempotent by the client's operation id.
 */
type Req = Pick<CallableRequest, 'auth' | 'data'>;

const OFFICERS = ['recovery_officer', 'supervisor'];
const id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a valid id');
const operationId = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8–128 letters, digits, - or _');
const caseIds = z
  .array(id)
  .min(1, 'choose at least one case')
  .max(200, 'at most 200 cases at a time')
  .refine((ids) => new Set(ids).size === ids.length, 'lists a case twice');
const reason = z.string().trim().min(3, 'is required').max(500, 'must be at most 500 characters');

function requireRole(actor: Actor, roles: string[], what: string): void {
  if (!roles.includes(actor.role)) throw new HttpsError('permission-denied', `A ${actor.role} may not ${what}.`);
}

function actorOf(a: Actor) {
  return { uid: a.uid, role: a.role, displayName: a.displayName ?? null };
}

function drcView(docId: string, data: Record<string, unknown>): DrcPolicyView {
  const parsed = parseDrcDoc(data);
  if (!parsed.ok) return { id: docId, name: String(data.name ?? docId), problem: parsed.problem } as DrcPolicyView;
  const d = parsed.doc;
  return {
    id: docId,
    name: d.name,
    active: d.active,
    actions: d.actions,
    caseTypes: d.caseTypes,
    regions: d.regions,
    capacity: d.capacity,
    minArrearsCents: d.minArrearsCents,
    maxArrearsCents: d.maxArrearsCents,
    agencyTier: d.agencyTier,
    openCases: d.openCases,
    recoveryRate: d.recoveryRate,
    lastAssignedAt: d.lastAssignedAt,
    roAssignmentMode: d.roAssignmentMode,
    problem: null,
  };
}

export async function getAssignmentPolicyHandler(request: Req): Promise<AssignmentPolicyView> {
  const actor = await callerActor(request);
  requireRole(actor, ['admin', 'recovery_officer', 'supervisor', 'auditor', 'drc_admin'], 'read the assignment policy');
  // A DRC admin sees the rules and their own DRC's terms and mode (to choose the mode), never other DRCs'.
  const own = actor.role === 'drc_admin';
  if (own && !actor.drcId) throw new HttpsError('permission-denied', 'Your account is not linked to a DRC.');
  const drcs = firestore().collection(COL.drcs);
  const [rulesSnap, drcDocs] = await Promise.all([
    policyRef().get(),
    own ? readDoc(drcs.doc(actor.drcId!)).then((d) => (d.exists ? [d] : [])) : readQuery(drcs).then((q) => q.docs),
  ]);
  return {
    rules: parseStoredRules(rulesSnap.exists ? rulesSnap.data() : undefined),
    version: (rulesSnap.get('version') as number | undefined) ?? 0,
    drcs: drcDocs.map((d) => drcView(d.id, d.data() ?? {})).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const saveInput = z
  .strictObject({
    rules: policyRulesSchema.optional(),
    drcs: z.array(drcTermsSchema).max(100).optional(),
    /** The version the admin edited: a save over someone else's newer save is refused, not merged. */
    expectedVersion: z.number().int().min(0),
  })
  .refine((v) => v.rules || (v.drcs && v.drcs.length > 0), { message: 'nothing to save', path: ['rules'] })
  .refine((v) => !v.drcs || new Set(v.drcs.map((d) => d.id)).size === v.drcs.length, {
    message: 'lists a DRC twice',
    path: ['drcs'],
  });

function appendDrcEvent(
  tx: Tx,
  drcId: string,
  head: AuditHead,
  actor: Actor,
  action: string,
  summary: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): AuditHead {
  const diff = diffFields(before, after);
  return appendAudit(tx, head, {
    entity: `drcs/${drcId}`,
    at: nowIso(),
    actor: actorOf(actor),
    action,
    summary,
    requestId: null,
    before: diff.before,
    after: diff.after,
    details: {},
    transitions: [],
  });
}

/** Saves the rules and/or DRC terms in one transaction; each change on the policy's or the DRC's audit chain. */
export async function saveAssignmentPolicyHandler(request: Req): Promise<AssignmentPolicyView> {
  const actor = await callerActor(request);
  requireRole(actor, ['admin'], 'change the assignment policy');
  const input = parseInput(saveInput, request.data);
  await retryOnCollision(() =>
    runTx(async (tx) => {
      const rulesSnap = await tx.get(policyRef());
      const version = (rulesSnap.get('version') as number | undefined) ?? 0;
      if (version !== input.expectedVersion) {
        throw new HttpsError('failed-precondition', `The policy changed meanwhile (version ${version}); reload it.`, {
          fields: { expectedVersion: `is ${input.expectedVersion}, the policy is at ${version}` },
        });
      }
      const drcSnaps = await Promise.all(
        (input.drcs ?? []).map((d) => tx.get(firestore().collection(COL.drcs).doc(d.id))),
      );
      const now = nowIso();
      const current = parseStoredRules(rulesSnap.exists ? rulesSnap.data() : undefined);
      const rules = input.rules ?? current;
      const head = appendAudit(tx, (rulesSnap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD, {
        entity: `${COL.settings}/assignmentPolicy`,
        at: now,
        actor: actorOf(actor),
        action: 'assignmentPolicy/save',
        summary: `Assignment policy v${version + 1}${input.drcs ? `: terms of ${input.drcs.map((d) => d.id).join(', ')}` : ''}`,
        requestId: null,
        ...diffFields(current as unknown as Record<string, unknown>, rules as unknown as Record<string, unknown>),
        details: { drcs: (input.drcs ?? []).map((d) => d.id) },
        transitions: [],
      });
      tx.set(policyRef(), { ...rules, version: version + 1, updatedAt: now, updatedBy: actor.uid, audit: head });
      (input.drcs ?? []).forEach((terms: DrcTerms, i) => {
        const snap = drcSnaps[i]!;
        const { id: drcId, ...fields } = terms;
        const before = snap.exists ? (snap.data() as Record<string, unknown>) : null;
        const pick = before ? Object.fromEntries(Object.keys(fields).map((k) => [k, before[k] ?? null])) : null;
        const drcHead = appendDrcEvent(
          tx,
          drcId,
          (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD,
          actor,
          before ? 'drcTerms/save' : 'drcTerms/create',
          `Terms of ${terms.name} saved (policy v${version + 1})`,
          pick,
          fields,
        );
        const ref = firestore().collection(COL.drcs).doc(drcId);
        // Counters stay as the placement transactions keep them; a new DRC starts empty.
        if (before) tx.update(ref, { ...fields, audit: drcHead });
        else tx.set(ref, { ...fields, openCases: 0, recoveryRate: 0, lastAssignedAt: null, audit: drcHead });
      });
    }),
  );
  return getAssignmentPolicyHandler(request);
}

const modeInput = z.strictObject({
  mode: z.enum(RO_ASSIGNMENT_MODES, { error: `must be one of ${RO_ASSIGNMENT_MODES.join(', ')}` }),
  drcId: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/, 'is not a DRC id')
    .optional(),
});

/** A DRC admin chooses how their DRC's cases reach its ROs (an admin may set it for any DRC). */
export async function setRoAssignmentModeHandler(request: Req): Promise<{ drcId: string; mode: string }> {
  const actor = await callerActor(request);
  requireRole(actor, ['drc_admin', 'admin'], "choose a DRC's RO assignment mode");
  const input: SetRoAssignmentModeInput = parseInput(modeInput, request.data);
  const drcId = actor.role === 'drc_admin' ? actor.drcId : input.drcId;
  if (!drcId) throw new HttpsError('invalid-argument', 'Which DRC?', { fields: { drcId: 'is required' } });
  if (actor.role === 'drc_admin' && input.drcId && input.drcId !== actor.drcId)
    throw new HttpsError('permission-denied', 'You may set the mode of your own DRC only.');
  await retryOnCollision(() =>
    runTx(async (tx) => {
      const ref = firestore().collection(COL.drcs).doc(drcId);
      const snap = await tx.get(ref);
      if (!snap.exists)
        throw new HttpsError('invalid-argument', `There is no DRC ${drcId}.`, { fields: { drcId: 'is not a DRC' } });
      const before = (snap.get('roAssignmentMode') as string | undefined) ?? 'manual';
      if (before === input.mode) return;
      const head = appendDrcEvent(
        tx,
        drcId,
        (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD,
        actor,
        'roAssignmentMode/set',
        `RO assignment mode: ${before} → ${input.mode}`,
        { roAssignmentMode: before },
        { roAssignmentMode: input.mode },
      );
      tx.update(ref, { roAssignmentMode: input.mode, audit: head });
    }),
  );
  return { drcId, mode: input.mode };
}

const roProfileInput = z.strictObject({
  uid: documentId('a user id', 128),
  areas: z.array(z.string().trim().min(1).max(60)).max(30),
  capacity: z.number().int().min(1).max(10_000).nullable(),
});

/** The areas an RO covers and the open cases they should hold (by_area and capacity), on `users/{uid}`. */
export async function setRoProfileHandler(request: Req): Promise<{ uid: string }> {
  const actor = await callerActor(request);
  requireRole(actor, ['drc_admin', 'admin'], "set an RO's areas");
  const input: SetRoProfileInput = parseInput(roProfileInput, request.data);
  await runTx(async (tx) => {
    const ref = firestore().collection(COL.users).doc(input.uid);
    const snap = await tx.get(ref);
    // No such user, not an RO, or another DRC's RO: one answer, so a DRC admin cannot probe the directory.
    const mine = actor.role === 'admin' || (!!actor.drcId && snap.get('drcId') === actor.drcId);
    if (!snap.exists || snap.get('role') !== 'ro' || !mine) throw notVisible('user', input.uid);
    const before = { areas: snap.get('areas') ?? [], roCapacity: snap.get('roCapacity') ?? null };
    const after = { areas: input.areas, roCapacity: input.capacity };
    const diff = diffFields(before, after);
    const head = appendAudit(tx, (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD, {
      entity: `users/${input.uid}`,
      at: nowIso(),
      actor: actorOf(actor),
      action: 'roProfile/set',
      summary: `Areas ${input.areas.join(', ') || '(none)'}; capacity ${input.capacity ?? 'none'}`,
      requestId: null,
      before: diff.before,
      after: diff.after,
      details: {},
      transitions: [],
    });
    tx.update(ref, { ...after, audit: head });
  });
  return { uid: input.uid };
}

const recallInput = z.strictObject({ operationId, caseIds, reason, replace: z.boolean().default(false) });

async function readCases(ids: string[]): Promise<Map<string, CaseState>> {
  const refs = ids.map((i) => firestore().collection(COL.cases).doc(i));
  const snaps = await firestore().getAll(...refs);
  return new Map(snaps.filter((s) => s.exists).map((s) => [s.id, s.data() as CaseState]));
}

function refuseAll(problems: string[], field: string): never {
  throw new HttpsError('invalid-argument', `Nothing was changed: ${problems.join('; ')}.`, {
    fields: { [field]: problems.join('; ') },
  });
}

/** Officers recall cases from their DRCs (single or bulk), with a reason; optionally placed again by the policy. */
export async function recallCasesHandler(request: Req): Promise<BulkOpView> {
  const actor = await callerActor(request);
  requireRole(actor, OFFICERS, 'recall cases');
  const input: RecallCasesInput = parseInput(recallInput, request.data);
  const found = await readCases(input.caseIds);
  const missing = input.caseIds.filter((i) => !found.has(i));
  if (missing.length) throw notVisible('case', missing, 'caseIds');
  const now = nowIso();
  return runBulk(
    actor,
    input.operationId,
    'recall',
    { reason: input.reason, replace: input.replace ?? false },
    input.caseIds,
    now,
    (caseId) => recallCase(actor, caseId, input.reason, input.replace ?? false, now, input.operationId),
  );
}

const reassignInput = z
  .strictObject({ operationId, caseIds, reason, toRoId: id.optional(), toDrcId: id.optional() })
  .refine((v) => !!v.toRoId !== !!v.toDrcId, { message: 'give either toRoId or toDrcId', path: ['toRoId'] });

/**
 * Bulk reassignment: a DRC admin moves cases between ROs of their DRC (toRoId); an officer moves cases to another
 * DRC (toDrcId). Everything is validated first — every case exists and is in the caller's scope, the target is
 * valid — and nothing changes if any of it is wrong; then each case is applied in its own audited transaction.
 */
export async function reassignCasesHandler(request: Req): Promise<BulkOpView> {
  const actor = await callerActor(request);
  requireRole(actor, ['drc_admin', ...OFFICERS], 'reassign cases');
  const input: ReassignCasesInput = parseInput(reassignInput, request.data);
  const found = await readCases(input.caseIds);
  const problems: string[] = [];
  // A case that does not exist and one outside the caller's scope get the same answer (notVisible).
  const unseen = input.caseIds.filter((i) => !found.has(i) || !canSeeCase(actor, found.get(i)!));
  if (unseen.length) throw notVisible('case', unseen, 'caseIds');
  const now = nowIso();
  if (actor.role === 'drc_admin') {
    if (!input.toRoId) refuseAll(['a DRC admin reassigns to an RO of their DRC (toRoId)'], 'toRoId');
    const ro = await firestore().collection(COL.users).doc(input.toRoId!).get();
    if (!ro.exists || ro.get('role') !== 'ro' || ro.get('drcId') !== actor.drcId)
      throw notVisible('user', input.toRoId!, 'toRoId');
    if (ro.get('active') !== true) refuseAll([`${input.toRoId} is not an active RO of your DRC`], 'toRoId');
    if (problems.length) refuseAll(problems, 'caseIds');
    return runBulk(
      actor,
      input.operationId,
      'reassignRo',
      { toRoId: input.toRoId, reason: input.reason },
      input.caseIds,
      now,
      (caseId) => reassignRo(actor, caseId, input.toRoId!, input.reason, now, input.operationId),
    );
  }
  if (!input.toDrcId) refuseAll(['an officer moves cases to a DRC (toDrcId)'], 'toDrcId');
  const drc = await firestore().collection(COL.drcs).doc(input.toDrcId!).get();
  if (!drc.exists || drc.get('active') !== true) refuseAll([`${input.toDrcId} is not an active DRC`], 'toDrcId');
  const unplaced = [...found.values()].filter((c) => !c.drcId).map((c) => c.id);
  if (unplaced.length) problems.push(`not with a DRC (recall with re-placement instead): ${unplaced.join(', ')}`);
  if (problems.length) refuseAll(problems, 'caseIds');
  return runBulk(
    actor,
    input.operationId,
    'moveDrc',
    { toDrcId: input.toDrcId, reason: input.reason },
    input.caseIds,
    now,
    (caseId) => moveToDrc(actor, caseId, input.toDrcId!, input.reason, now, input.operationId),
  );
}

const agencyInput = z.strictObject({
  operationId,
  caseIds,
  reason,
  tier: z.enum(['next', 'primary', 'secondary', 'tertiary'], { error: 'must be next, primary, secondary or tertiary' }),
});

/**
 * Officers place external-recovery cases with an agency of a tier (or the next tier) by the policy: from Review,
 * or from Supervisor Review after a recall; agencies a case was with before are not chosen again.
 */
export async function placeWithAgencyHandler(request: Req): Promise<BulkOpView> {
  const actor = await callerActor(request);
  requireRole(actor, OFFICERS, 'place cases with agencies');
  const input: PlaceWithAgencyInput = parseInput(agencyInput, request.data);
  const found = await readCases(input.caseIds);
  const missing = input.caseIds.filter((i) => !found.has(i));
  if (missing.length) refuseAll([`no case ${missing.join(', ')}`], 'caseIds');
  const now = nowIso();
  return runBulk(
    actor,
    input.operationId,
    'placeWithAgency',
    { tier: input.tier, reason: input.reason },
    input.caseIds,
    now,
    (caseId) => placeWithAgency(actor, caseId, input.tier, input.reason, now, input.operationId),
  );
}

/** Recomputes every DRC's recovery rate over the policy's window (admin or supervisor; audited per DRC). */
export async function refreshDrcPerformanceHandler(request: Req): Promise<{ rates: Record<string, number> }> {
  const actor = await callerActor(request);
  requireRole(actor, ['admin', 'supervisor'], 'refresh DRC performance');
  parseInput(z.strictObject({}), request.data);
  return { rates: await refreshDrcPerformance(actor, nowIso()) };
}

export const getAssignmentPolicy = onCall({ region: REGION }, getAssignmentPolicyHandler);
export const saveAssignmentPolicy = onCall({ region: REGION }, saveAssignmentPolicyHandler);
export const setRoAssignmentMode = onCall({ region: REGION }, setRoAssignmentModeHandler);
export const setRoProfile = onCall({ region: REGION }, setRoProfileHandler);
export const recallCases = onCall({ region: REGION }, recallCasesHandler);
export const reassignCases = onCall({ region: REGION }, reassignCasesHandler);
export const placeWithAgencyFn = onCall({ region: REGION }, placeWithAgencyHandler);
export const refreshDrcPerformanceFn = onCall({ region: REGION }, refreshDrcPerformanceHandler);
