import { EMPTY_HEAD } from '../domain/audit/chain';
import { validateCaseTypeConfig } from '../domain/lifecycle/validateConfig';
import type { Actor } from '../domain/model/roles';
import { Refusal } from '../domain/refusal';
import { appendAudit } from '../data/audit';
import { caseTypeDocId, clearCaseTypeCache, listCaseTypes } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { runTx } from '../data/ops';

/**
 * Saves a new version of a case type. The configuration is checked as a whole first; a bad one is refused
 * with every problem listed and nothing is written. Versions are immutable: the new one must be the next number.
 */
export async function saveCaseType(
  actor: Actor,
  raw: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const verdict = validateCaseTypeConfig(raw);
  if (!verdict.ok) {
    throw new Refusal('invalid-argument', `The configuration is not valid: ${verdict.problems.join('; ')}`, {
      problems: verdict.problems,
    });
  }
  const config = verdict.config;
  const existing = (await listCaseTypes()).filter((c) => c.id === config.id);
  const expected = existing.length === 0 ? 1 : Math.max(...existing.map((c) => c.version)) + 1;
  if (config.version !== expected) {
    throw new Refusal(
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
      throw new Refusal('already-exists', `${config.id} v${config.version} was saved meanwhile.`);
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
