import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import type { CaseDetail, PersonRef, TimelineEntry } from '../api/contract';
import { REGION } from '../config';
import type { AuditEvent } from '../domain/audit/chain';
import { availableActions, isFinal, resultInputSchema, statusOf } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import { canSeeCase } from '../domain/policy/caseScope';
import { caseViewFor } from '../domain/policy/caseView';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery } from '../data/ops';
import { notVisible } from '../api/legacyRefusal';
import { callerActor, parseInput } from '../api/caller';

const input = z.strictObject({ caseId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a case id') });

const TIMELINE_LIMIT = 200;

export async function getCaseHandler(request: Pick<CallableRequest, 'auth' | 'data'>): Promise<CaseDetail> {
  const actor = await callerActor(request);
  const { caseId } = parseInput(input, request.data);
  const db = firestore();
  const snap = await readDoc(db.collection(COL.cases).doc(caseId));
  const c = snap.exists ? (snap.data() as CaseState) : null;
  // Same answer for "no such case" and "not yours": the caller learns nothing about cases outside their scope.
  if (!c || !canSeeCase(actor, c)) throw notVisible('case', caseId);
  const config = await loadCaseType(c.caseType, c.configVersion);
  if (!config) throw new HttpsError('internal', `Case ${caseId} runs an unknown case type.`);

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
  const timeline: TimelineEntry[] = auditSnap.docs.map((d) => {
    const e = d.data() as AuditEvent;
    return {
      id: d.id,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      summary: e.summary,
      transitions: e.transitions,
      requestId: e.requestId,
    };
  });
  const actions = availableActions(config, c, actor).map((a) => ({
    code: a.code,
    label: a.label,
    results: a.results.map((r) => ({
      code: r.code,
      label: r.label,
      next: r.next ?? null,
      inputSchema: z.toJSONSchema(resultInputSchema(r), { io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >,
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
        .map(({ code, label, kind }) => ({ code, label, kind }));
  const assignableRos: PersonRef[] =
    roList?.docs.map((d) => ({ uid: d.id, displayName: String(d.get('displayName') ?? d.id) })) ?? [];
  return {
    case: caseViewFor(actor.role, c),
    statusLabel: statusOf(config, c.status)?.label ?? c.status,
    timeline,
    actions,
    manualTargets,
    assignableRos,
    drcName: drcSnap?.exists ? String(drcSnap.get('name')) : null,
    roName: roSnap?.exists ? String(roSnap.get('displayName')) : null,
  };
}

export const getCase = onCall({ region: REGION }, getCaseHandler);
