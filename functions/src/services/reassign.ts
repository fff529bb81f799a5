import type { BulkCaseResult } from '../domain/contracts/assignment';
import { refusalOf } from '../domain/assignment/drcPolicy';
import { applyAction, applyPlacement, initialStatus, isFinal } from '../domain/lifecycle/engine';
import { SETTINGS_DEFAULTS, type CaseTypeConfig } from '../domain/lifecycle/types';
import { assignmentTakenBack, assignmentToRo } from '../domain/lifecycle/validity';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { addDays, type Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { runTx, type Tx } from '../data/ops';
import {
  caseForAssignment,
  decidePlacement,
  loadDrc,
  readPlacementContext,
  retryOnCollision,
  takeDrcSlot,
  type LoadedDrc,
} from './assignDrc';
import { writeCaseWithAudit } from './caseAudit';

/** What happened to one case of a bulk operation (the shape is in the API contract). */
export type CaseResult = BulkCaseResult;

class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: string, message: string): never => {
  throw new Refused(code, message);
};

const opRef = (opId: string) => firestore().collection(COL.bulkOps).doc(opId);

/** The result this operation already recorded for the case: a retried operation never applies a case twice. */
async function priorResult(tx: Tx, opId: string, caseId: string): Promise<CaseResult | null> {
  const snap = await tx.get(opRef(opId));
  const results = snap.get('results') as Record<string, CaseResult> | undefined;
  return results?.[caseId] ?? null;
}

/** Records the case's result on the operation in the same transaction as the change itself. */
function recorded(tx: Tx, opId: string, result: CaseResult): CaseResult {
  tx.update(opRef(opId), { [`results.${result.caseId}`]: result });
  return result;
}

async function loadCase(tx: Tx, caseId: string): Promise<{ c: CaseState; config: CaseTypeConfig }> {
  const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
  if (!snap.exists) refuse('not-found', `There is no case ${caseId}.`);
  const c = snap.data() as CaseState;
  const config = await loadCaseType(c.caseType, c.configVersion);
  if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
  if (isFinal(config, c.status) || c.closedAt) refuse('case-closed', `Case ${caseId} is closed.`);
  return { c, config };
}

/** Statuses in which a DRC works the case: where its configuration lets a DRC admin assign an RO. */
function drcWorks(config: CaseTypeConfig, status: string): boolean {
  const action = config.actions.find((a) => a.code === 'assignRo');
  return !!action && (action.statuses.includes(status) || action.statuses.includes('*'));
}

async function settled<T>(caseId: string, fn: () => Promise<T>): Promise<T | CaseResult> {
  try {
    return await retryOnCollision(fn);
  } catch (e) {
    if (e instanceof Refused) return { caseId, ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/**
 * Recalls a case from its DRC: the DRC and RO are taken off, the case returns to its initial status
 * (OPEN), the DRC's slot is released, all audited with the reason. With `replace`, the policy places it again at
 * once, never with the DRC it was recalled from. Statuses the DRC does not work (mediation board, legal) and
 * case types whose recall is a status of their own (external recovery: Recall in Progress) are refused here.
 */
export async function recallCase(
  actor: Actor,
  caseId: string,
  reason: string,
  replace: boolean,
  now: Instant,
  opId: string,
): Promise<CaseResult> {
  return settled(caseId, () =>
    runTx(async (tx): Promise<CaseResult> => {
      const prior = await priorResult(tx, opId, caseId);
      if (prior) return prior;
      const { c, config } = await loadCase(tx, caseId);
      if (!c.drcId) refuse('not-placed', `Case ${caseId} is not with a DRC.`);
      const fromDrc = c.drcId!;
      const configured = config.actions.find(
        (a) => a.code === 'recallCase' && a.roles.includes(actor.role) && a.statuses.includes(c.status),
      );
      if (configured) {
        // The case type models recall as a status of its own (external recovery: Recall in Progress, where the
        // agency winds up and acknowledges); its DRC keeps the case, and its slot, until then.
        const out = applyAction(
          config,
          c,
          { action: configured.code, result: configured.results[0]!.code, inputs: { notes: reason }, requestId: opId },
          actor,
          now,
        );
        if (!out.ok) refuse(out.code, out.message);
        const done = out as Extract<typeof out, { ok: true }>;
        writeCaseWithAudit(tx, c, done.case, {
          actor,
          action: `${configured.code}/${configured.results[0]!.code}`,
          summary: `Recall from ${fromDrc} started: ${reason}`,
          requestId: null,
          details: { reason, fromDrc, operationId: opId },
          transitions: done.transitions,
        });
        return recorded(tx, opId, {
          caseId,
          ok: true,
          code: 'recall-started',
          message: `Recall started (${done.case.status})`,
          drcId: fromDrc,
          roId: done.case.roId,
        });
      }
      if (!drcWorks(config, c.status))
        refuse('wrong-status', `Case ${caseId} is ${c.status}; only cases a DRC is working can be recalled.`);
      const recalled = applyPlacement(
        config,
        c,
        {
          drcId: null,
          roId: null,
          assignment: assignmentTakenBack(c.assignment, `Recalled from ${fromDrc}: ${reason}`),
        },
        { reason, fromDrc, operationId: opId },
        now,
      );
      if (!recalled.ok) refuse(recalled.code, recalled.message);
      const back = (recalled as Extract<typeof recalled, { ok: true }>).case;
      if (back.status !== initialStatus(config).code)
        refuse('cannot-recall', `Case type ${config.name} does not return a case in ${c.status} to unassigned.`);
      // All reads happen before the first write (Firestore transactions).
      const ctx = replace ? await readPlacementContext(tx) : null;
      const choice = ctx ? decidePlacement(ctx, back, { excludeDrcs: [fromDrc] }) : null;
      const drc = ctx && choice?.ok ? ctx.drcs.find((d) => d.id === choice.drcId)! : null;
      if (ctx && drc && choice?.ok) {
        // The new DRC's slot is the first write (see takeDrcSlot).
        takeDrcSlot(
          tx,
          drc,
          caseId,
          {
            reason: choice.reason,
            details: { explanation: choice.explanation, rules: ctx.rules, recalledFrom: fromDrc },
          },
          actor,
          now,
          opId,
        );
      }
      const written = writeCaseWithAudit(tx, c, back, {
        actor,
        action: 'recall',
        summary: `Recalled from ${fromDrc}: ${reason}`,
        requestId: null,
        details: { reason, fromDrc, operationId: opId },
        transitions: recalled.ok ? recalled.transitions : [],
      });
      if (!choice)
        return recorded(tx, opId, { caseId, ok: true, code: 'recalled', message: 'Recalled', drcId: null, roId: null });
      if (!choice.ok || !drc)
        return recorded(tx, opId, {
          caseId,
          ok: true,
          code: 'recalled',
          message: `Recalled; not placed again: ${choice.ok ? 'no DRC' : choice.reason}`,
          drcId: null,
          roId: null,
        });
      const placed = applyAction(
        config,
        written,
        {
          action: 'assignDrc',
          result: 'assigned',
          inputs: { drcId: choice.drcId, reason: choice.reason },
          requestId: opId,
        },
        actor,
        now,
      );
      if (!placed.ok) throw new Error(`assignDrc refused after recall of ${caseId}: ${placed.message}`);
      writeCaseWithAudit(tx, written, placed.case, {
        actor,
        action: 'assignDrc/replaced',
        summary: `Placed again with ${drc.doc.name}: ${choice.reason}`,
        requestId: null,
        details: { scores: choice.scores, explanation: choice.explanation, excluded: [fromDrc], operationId: opId },
        transitions: placed.transitions,
        slotTaken: drc.id,
      });
      return recorded(tx, opId, {
        caseId,
        ok: true,
        code: 'replaced',
        message: `Recalled and placed with ${drc.doc.name}`,
        drcId: drc.id,
      });
    }),
  );
}

/** A DRC admin moves a case from one of their ROs to another (or assigns one); the DRC does not change. */
export async function reassignRo(
  actor: Actor,
  caseId: string,
  toRoId: string,
  reason: string,
  now: Instant,
  opId: string,
): Promise<CaseResult> {
  return settled(caseId, () =>
    runTx(async (tx): Promise<CaseResult> => {
      const prior = await priorResult(tx, opId, caseId);
      if (prior) return prior;
      const { c, config } = await loadCase(tx, caseId);
      const ro = await tx.get(firestore().collection(COL.users).doc(toRoId));
      if (actor.role === 'drc_admin' && c.drcId !== actor.drcId)
        refuse('not-your-case', `Case ${caseId} is not with your DRC.`);
      if (!ro.exists || ro.get('role') !== 'ro' || ro.get('active') !== true || ro.get('drcId') !== c.drcId)
        refuse('wrong-ro', `${toRoId} is not an active RO of the case's DRC.`);
      if (!drcWorks(config, c.status))
        refuse('wrong-status', `Case ${caseId} is ${c.status}; it cannot be reassigned.`);
      if (c.roId === toRoId)
        return recorded(tx, opId, {
          caseId,
          ok: true,
          code: 'unchanged',
          message: 'Already with this RO',
          drcId: c.drcId,
          roId: toRoId,
        });
      const out = applyPlacement(
        config,
        c,
        {
          roId: toRoId,
          assignment: assignmentToRo(
            c.assignment,
            actor.uid,
            now,
            { ...SETTINGS_DEFAULTS, ...config.settings }.validityDays,
          ),
        },
        { toRoId, reason, operationId: opId },
        now,
      );
      if (!out.ok) refuse(out.code, out.message);
      writeCaseWithAudit(tx, c, (out as Extract<typeof out, { ok: true }>).case, {
        actor,
        action: 'reassignRo',
        summary: `Reassigned from ${c.roId ?? 'no RO'} to ${ro.get('displayName') ?? toRoId}: ${reason}`,
        requestId: null,
        details: { fromRoId: c.roId, toRoId, reason, operationId: opId },
        transitions: out.ok ? out.transitions : [],
      });
      return recorded(tx, opId, {
        caseId,
        ok: true,
        code: 'reassigned',
        message: 'Reassigned',
        drcId: c.drcId,
        roId: toRoId,
      });
    }),
  );
}

/**
 * An officer moves a case to another DRC by hand: the new DRC must be contracted for it and below capacity
 * (the same terms the policy applies); the old slot is released, a new validity period starts, the RO is cleared.
 */
export async function moveToDrc(
  actor: Actor,
  caseId: string,
  toDrcId: string,
  reason: string,
  now: Instant,
  opId: string,
): Promise<CaseResult> {
  return settled(caseId, () =>
    runTx(async (tx): Promise<CaseResult> => {
      const prior = await priorResult(tx, opId, caseId);
      if (prior) return prior;
      const { c, config } = await loadCase(tx, caseId);
      const loaded = await loadDrc(tx, toDrcId);
      if ('missing' in loaded) refuse('unknown-drc', loaded.missing);
      const drc = loaded as LoadedDrc;
      if (!c.drcId) refuse('not-placed', `Case ${caseId} is not with a DRC; recall places it, not a move.`);
      if (!drcWorks(config, c.status)) refuse('wrong-status', `Case ${caseId} is ${c.status}; it cannot be moved.`);
      if (c.drcId === toDrcId)
        return recorded(tx, opId, {
          caseId,
          ok: true,
          code: 'unchanged',
          message: 'Already with this DRC',
          drcId: toDrcId,
          roId: c.roId,
        });
      const why = refusalOf(caseForAssignment(c), drc.profile);
      if (why) refuse('drc-refused', `${drc.doc.name} cannot take case ${caseId}: ${why}.`);
      const settings = { ...SETTINGS_DEFAULTS, ...config.settings };
      const out = applyPlacement(
        config,
        c,
        {
          drcId: toDrcId,
          roId: null,
          assignment: {
            ...c.assignment,
            drcAssignedAt: now,
            drcReason: `Moved by ${actor.displayName ?? actor.uid}: ${reason}`,
            roAssignedAt: null,
            roAssignedBy: null,
            validUntil: addDays(now, settings.validityDays),
          },
        },
        { fromDrc: c.drcId, toDrcId, reason, operationId: opId },
        now,
      );
      if (!out.ok) refuse(out.code, out.message);
      // The new DRC's slot is the first write (see takeDrcSlot).
      takeDrcSlot(
        tx,
        drc,
        caseId,
        { reason: `moved by hand: ${reason}`, details: { fromDrc: c.drcId } },
        actor,
        now,
        opId,
      );
      writeCaseWithAudit(tx, c, (out as Extract<typeof out, { ok: true }>).case, {
        actor,
        action: 'moveDrc',
        summary: `Moved from ${c.drcId} to ${drc.doc.name}: ${reason}`,
        requestId: null,
        details: { fromDrc: c.drcId, toDrcId, reason, operationId: opId },
        transitions: out.ok ? out.transitions : [],
        slotTaken: toDrcId,
      });
      return recorded(tx, opId, {
        caseId,
        ok: true,
        code: 'moved',
        message: `Moved to ${drc.doc.name}`,
        drcId: toDrcId,
        roId: null,
      });
    }),
  );
}
