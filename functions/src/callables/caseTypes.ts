import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import type { CaseTypeView, ListCaseTypesOutput, SaveCaseTypeOutput } from '../api/contract';
import { REGION } from '../config';
import { toMermaid } from '../domain/lifecycle/diagram';
import type { CaseTypeConfig } from '../domain/lifecycle/types';
import { validateCaseTypeConfig } from '../domain/lifecycle/validateConfig';
import { appendAudit } from '../data/audit';
import { EMPTY_HEAD } from '../domain/audit/chain';
import { caseTypeDocId, clearCaseTypeCache, listCaseTypes } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { runTx } from '../data/ops';
import { callerActor, parseInput } from '../api/caller';

const VIEWERS = ['admin', 'supervisor', 'recovery_officer', 'auditor'];

export function toView(config: CaseTypeConfig, latest: boolean): CaseTypeView {
  return {
    id: config.id,
    version: config.version,
    name: config.name,
    description: config.description,
    category: config.category,
    level: config.level,
    readings: config.readings,
    statuses: config.statuses.map((s) => ({
      code: s.code,
      label: s.label,
      kind: s.kind,
      description: s.description,
      actors: s.actors,
      hooks: Object.entries(s.hooks ?? {}).flatMap(([spot, refs]) =>
        (refs ?? []).map((r) => ({ spot, algorithm: r.algorithm, params: r.params ?? {}, note: r.note ?? null })),
      ),
    })),
    transitions: config.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      mode: t.mode,
      roles: t.roles ?? [],
      guard: t.guard?.guard ?? null,
    })),
    actions: config.actions.map((a) => ({
      code: a.code,
      label: a.label,
      roles: a.roles,
      statuses: a.statuses,
      results: a.results.map((r) => ({ code: r.code, label: r.label, next: r.next ?? null })),
    })),
    mermaid: toMermaid(config),
    latest,
  };
}

/** Every case type and version, with its diagram: for the admin and officer screens. */
export async function listCaseTypesHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<ListCaseTypesOutput> {
  const actor = await callerActor(request);
  if (!VIEWERS.includes(actor.role))
    throw new HttpsError('permission-denied', 'Only operator staff see case-type configuration.');
  const all = await listCaseTypes();
  const newest = new Map<string, number>();
  for (const c of all) newest.set(c.id, Math.max(newest.get(c.id) ?? 0, c.version));
  return { caseTypes: all.map((c) => toView(c, newest.get(c.id) === c.version)) };
}

const saveInput = z.strictObject({ config: z.record(z.string(), z.unknown()) });

/**
 * Saves a new version of a case type. The configuration is checked as a whole first; a bad one is refused
 * with every problem listed and nothing is written. Versions are immutable: the new one must be the next number.
 */
export async function saveCaseTypeHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<SaveCaseTypeOutput> {
  const actor = await callerActor(request);
  if (actor.role !== 'admin') throw new HttpsError('permission-denied', 'Only an administrator may change case types.');
  const { config: raw } = parseInput(saveInput, request.data);
  const verdict = validateCaseTypeConfig(raw);
  if (!verdict.ok) {
    throw new HttpsError('invalid-argument', `The configuration is not valid: ${verdict.problems.join('; ')}`, {
      problems: verdict.problems,
    });
  }
  const config = verdict.config;
  const existing = (await listCaseTypes()).filter((c) => c.id === config.id);
  const expected = existing.length === 0 ? 1 : Math.max(...existing.map((c) => c.version)) + 1;
  if (config.version !== expected) {
    throw new HttpsError(
      'failed-precondition',
      `The next version of ${config.id} is ${expected}, not ${config.version}.`,
      {
        problems: [`version must be ${expected}`],
      },
    );
  }
  const now = new Date().toISOString();
  await runTx(async (tx) => {
    const ref = firestore().collection(COL.caseTypes).doc(caseTypeDocId(config.id, config.version));
    if ((await tx.get(ref)).exists)
      throw new HttpsError('already-exists', `${config.id} v${config.version} was saved meanwhile.`);
    tx.create(ref, { ...config, savedAt: now, savedBy: actor.uid });
    appendAudit(tx, EMPTY_HEAD, {
      entity: `caseTypes/${caseTypeDocId(config.id, config.version)}`,
      at: now,
      actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
      action: 'saveCaseType',
      summary: `Saved ${config.name} v${config.version} (${config.statuses.length} statuses, ${config.transitions.length} transitions)`,
      requestId: null,
      before: {},
      after: { id: config.id, version: config.version },
      details: {},
      transitions: [],
    });
  });
  clearCaseTypeCache();
  return { id: config.id, version: config.version };
}

export const listCaseTypesFn = onCall({ region: REGION }, listCaseTypesHandler);
export const saveCaseType = onCall({ region: REGION }, saveCaseTypeHandler);
