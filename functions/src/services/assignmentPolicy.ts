import { nowIso } from '../config';
import { parseDrcDoc, parseStoredRules, type DrcTerms, type StoredRules } from '../domain/assignment/policyConfig';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import type { AssignmentPolicyView, BrokenDrcView, DrcPolicyView } from '../domain/contracts/assignment';
import type { AuditHead } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { Refusal } from '../domain/refusal';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery, runTx, type Tx } from '../data/ops';
import { policyRef, retryOnCollision } from './assignDrc';

/**
 * The assignment policy as its screen reads and saves it: the rules (`settings/assignmentPolicy`) and each DRC's
 * terms (on `drcs/{id}`, next to the counters the placement transactions keep). Every save is audited on the
 * policy's chain and on each changed DRC's own chain.
 */

export function auditActor(a: Actor) {
  return { uid: a.uid, role: a.role, displayName: a.displayName ?? null };
}

/** Appends one change of a DRC's document to that DRC's audit chain; returns the new head. */
export function appendDrcEvent(
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
    actor: auditActor(actor),
    action,
    summary,
    requestId: null,
    before: diff.before,
    after: diff.after,
    details: {},
    transitions: [],
  });
}

function drcView(docId: string, data: Record<string, unknown>): DrcPolicyView | BrokenDrcView {
  const parsed = parseDrcDoc(data);
  if (!parsed.ok) return { id: docId, name: String(data.name ?? docId), problem: parsed.problem };
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

/** The rules and the DRCs the caller may see: a DRC admin only their own DRC (to choose its mode), never others'. */
export async function readAssignmentPolicy(actor: Actor): Promise<AssignmentPolicyView> {
  const own = actor.role === 'drc_admin';
  if (own && !actor.drcId) throw new Refusal('permission-denied', 'Your account is not linked to a DRC.');
  const drcs = firestore().collection(COL.drcs);
  const [rulesSnap, drcDocs] = await Promise.all([
    readDoc(policyRef()),
    own ? readDoc(drcs.doc(actor.drcId!)).then((d) => (d.exists ? [d] : [])) : readQuery(drcs).then((q) => q.docs),
  ]);
  return {
    rules: parseStoredRules(rulesSnap.exists ? rulesSnap.data() : undefined),
    version: (rulesSnap.get('version') as number | undefined) ?? 0,
    drcs: drcDocs.map((d) => drcView(d.id, d.data() ?? {})).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

export interface PolicySave {
  rules?: StoredRules;
  drcs?: DrcTerms[];
  expectedVersion: number;
}

/** Saves the rules and/or DRC terms in one transaction; each change on the policy's or the DRC's audit chain. */
export async function saveAssignmentPolicy(actor: Actor, input: PolicySave): Promise<AssignmentPolicyView> {
  await retryOnCollision(() =>
    runTx(async (tx) => {
      const rulesSnap = await tx.get(policyRef());
      const version = (rulesSnap.get('version') as number | undefined) ?? 0;
      if (version !== input.expectedVersion) {
        throw new Refusal('failed-precondition', `The policy changed meanwhile (version ${version}); reload it.`, {
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
        actor: auditActor(actor),
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
  return readAssignmentPolicy(actor);
}
