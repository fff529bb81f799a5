import { z } from 'zod';
import type { AuditEvent } from '../domain/audit/chain';
import type { caseDetail, caseTypeLabels } from '../domain/contracts/cases';
import { timelineValues } from '../domain/lifecycle/describe';
import type { CaseTypeConfig } from '../domain/lifecycle/types';
import { availableActions, isFinal, resultInputSchema, statusOf } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { canSeeCase } from '../domain/policy/caseScope';
import { caseViewFor } from '../domain/policy/caseView';
import { notVisible } from '../domain/refusal';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery } from '../data/ops';

const TIMELINE_LIMIT = 200;

const labelled = (x: { label: string; labels?: { si: string; ta: string } }) => ({
  label: x.label,
  labels: x.labels ?? null,
});

/** The status, action and result labels of a case type, by code. */
function caseTypeLabelsOf(config: CaseTypeConfig): z.input<typeof caseTypeLabels> {
  return {
    statuses: Object.fromEntries(config.statuses.map((s) => [s.code, labelled(s)])),
    actions: Object.fromEntries(
      config.actions.map((a) => [
        a.code,
        { ...labelled(a), results: Object.fromEntries(a.results.map((r) => [r.code, labelled(r)])) },
      ]),
    ),
  };
}

/**
 * One case as its page shows it: the case (NIC masked by role), its newest events, what the caller may record and
 * which manual transitions they may make now, and the names of its DRC and RO.
 */
export async function caseDetailFor(actor: Actor, caseId: string): Promise<z.input<typeof caseDetail>> {
  const db = firestore();
  const snap = await readDoc(db.collection(COL.cases).doc(caseId));
  const c = snap.exists ? (snap.data() as CaseState) : null;
  // Same answer for "no such case" and "not yours": the caller learns nothing about cases outside their scope.
  if (!c || !canSeeCase(actor, c)) throw notVisible('case', caseId);
  const config = await loadCaseType(c.caseType, c.configVersion);
  // Not the caller's doing, and nothing they can correct: an internal error.
  if (!config) throw new Error(`Case ${caseId} runs an unknown case type.`);

  const [auditSnap, drcSnap, roSnap, roList] = await Promise.all([
    readQuery(
      db.collection(COL.audit).where('entity', '==', `cases/${caseId}`).orderBy('seq', 'desc').limit(TIMELINE_LIMIT),
    ),
    c.drcId ? readDoc(db.collection(COL.drcs).doc(c.drcId)) : null,
    c.roId ? readDoc(db.collection(COL.users).doc(c.roId)) : null,
    actor.role === 'drc_admin' && c.drcId
      ? readQuery(
          db.collection(COL.users).where('drcId', '==', c.drcId).where('role', '==', 'ro').where('active', '==', true),
        )
      : null,
  ]);
  const timeline = auditSnap.docs.map((d) => {
    const e = d.data() as AuditEvent;
    return {
      id: d.id,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      summary: e.summary,
      values: timelineValues((e.details as { inputs?: Record<string, unknown> } | undefined)?.inputs),
      transitions: e.transitions,
      requestId: e.requestId,
    };
  });
  const actions = availableActions(config, c, actor).map((a) => ({
    code: a.code,
    label: a.label,
    labels: a.labels ?? null,
    results: a.results.map((r) => ({
      code: r.code,
      label: r.label,
      labels: r.labels ?? null,
      next: r.next ?? null,
      inputSchema: z.toJSONSchema(resultInputSchema(r), { io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >,
      fieldLabels: Object.fromEntries((r.fields ?? []).map((f) => [f.name, labelled(f)])),
    })),
  }));
  const manualTargets = isFinal(config, c.status)
    ? []
    : config.transitions
        .filter(
          (t) =>
            t.mode === 'manual' &&
            (t.from === c.status || t.from === '*') &&
            t.to !== c.status &&
            (t.roles ?? []).includes(actor.role),
        )
        .map((t) => statusOf(config, t.to)!)
        .map(({ code, label, labels, kind }) => ({ code, label, labels: labels ?? null, kind }));
  const assignableRos =
    roList?.docs.map((d) => ({ uid: d.id, displayName: String(d.get('displayName') ?? d.id) })) ?? [];
  return {
    case: caseViewFor(actor.role, c),
    statusLabel: statusOf(config, c.status)?.label ?? c.status,
    statusLabels: statusOf(config, c.status)?.labels ?? null,
    labels: caseTypeLabelsOf(config),
    timeline,
    actions,
    manualTargets,
    assignableRos,
    drcName: drcSnap?.exists ? String(drcSnap.get('name')) : null,
    roName: roSnap?.exists ? String(roSnap.get('displayName')) : null,
  };
}
