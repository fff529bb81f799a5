import { FieldValue } from 'firebase-admin/firestore';
import {
  chooseDrc,
  exclusionOf,
  refusalOf,
  type CaseForAssignment,
  type ChooseOptions,
  type DrcChoice,
  type DrcProfile,
} from '../domain/assignment/drcPolicy';
import {
  drcProfileOf,
  parseDrcDoc,
  parseStoredRules,
  rulesOf,
  type DrcDoc,
  type StoredRules,
} from '../domain/assignment/policyConfig';
import { slotMove } from '../domain/assignment/drcSlots';
import { EMPTY_HEAD } from '../domain/audit/chain';
import { applyAction } from '../domain/lifecycle/engine';
import type { AuditHead, CaseState } from '../domain/model/case';
import { SYSTEM_ACTOR, type Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { appendAudit } from '../data/audit';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { runTx, type Tx } from '../data/ops';
import { nextAttemptAt } from '../domain/requests/retries';
import { retry } from '../domain/retry/retry';
import { writeCaseWithAudit } from './caseAudit';

/** The first wait before a deferred placement is tried again by the sweep. */
export const PLACEMENT_RETRY_MS = 5 * 60_000;

export type AssignOutcome = { assigned: string } | { deferred: string } | 'skipped';

export const ASSIGNMENT_POLICY_DOC = 'assignmentPolicy';
export const policyRef = () => firestore().collection(COL.settings).doc(ASSIGNMENT_POLICY_DOC);

export interface LoadedDrc {
  id: string;
  doc: DrcDoc;
  profile: DrcProfile;
  head: AuditHead;
}

/** What a placement decision reads: the rules and every active DRC (invalid DRC documents are named, not used). */
export interface PlacementContext {
  rules: StoredRules;
  drcs: LoadedDrc[];
  invalid: Record<string, string>;
}

export async function readPlacementContext(tx: Tx): Promise<PlacementContext> {
  const rulesSnap = await tx.get(policyRef());
  const rules = parseStoredRules(rulesSnap.exists ? rulesSnap.data() : undefined);
  const snaps = await tx.query(firestore().collection(COL.drcs).where('active', '==', true));
  const drcs: LoadedDrc[] = [];
  const invalid: Record<string, string> = {};
  for (const s of snaps.docs) {
    const parsed = parseDrcDoc(s.data());
    if (!parsed.ok) {
      invalid[s.id] = `invalid terms (${parsed.problem})`;
      continue;
    }
    drcs.push({
      id: s.id,
      doc: parsed.doc,
      profile: drcProfileOf(s.id, parsed.doc),
      head: (s.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD,
    });
  }
  drcs.sort((a, b) => a.id.localeCompare(b.id));
  return { rules, drcs, invalid };
}

export function caseForAssignment(c: CaseState): CaseForAssignment {
  return {
    requiredAction: c.requiredAction,
    region: c.customer.region,
    arrearsCents: c.arrearsCents,
    caseType: c.caseType,
    indicators: c.indicators,
    held: c.hold !== null,
  };
}

export function decidePlacement(ctx: PlacementContext, c: CaseState, options: ChooseOptions = {}): DrcChoice {
  const choice = chooseDrc(
    caseForAssignment(c),
    ctx.drcs.map((d) => d.profile),
    { ...options, rules: rulesOf(ctx.rules) },
  );
  if (choice.ok || Object.keys(ctx.invalid).length === 0) return choice;
  const broken = Object.entries(ctx.invalid).map(([id, why]) => `${id}: ${why}`);
  return { ...choice, reason: `${choice.reason} Not considered: ${broken.join('; ')}.` };
}

/**
 * Takes a slot of the chosen DRC and records why, on the DRC's own audit chain. The chain's next event id is
 * fixed by the head this transaction read, so two placements that read the same DRC state collide on that id
 * and one of them is retried: the capacity check never runs on a stale counter, even where the Firestore
 * emulator does not isolate transactions (decision 0019). It must be the transaction's FIRST write: the offline
 * emulator applies a commit's writes in order and stops at a failed create, keeping the writes before it.
 */
export function takeDrcSlot(
  tx: Tx,
  drc: LoadedDrc,
  caseId: string,
  why: { reason: string; details: Record<string, unknown> },
  actor: Actor,
  now: Instant,
  eventId: string,
): void {
  const head = appendAudit(tx, drc.head, {
    entity: `drcs/${drc.id}`,
    at: now,
    actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
    action: 'placement',
    summary: `Case ${caseId} placed: ${why.reason}`,
    requestId: null,
    before: { openCases: drc.doc.openCases },
    after: { openCases: drc.doc.openCases + 1 },
    details: { caseId, eventId, ...why.details },
    transitions: [],
  });
  tx.update(firestore().collection(COL.drcs).doc(drc.id), {
    openCases: FieldValue.increment(1),
    lastAssignedAt: now,
    placedTotal: drc.doc.placedTotal + 1,
    audit: head,
  });
}

/** A DRC read by its id for a placement by hand: the caller says what to do when it is missing or broken. */
export async function loadDrc(tx: Tx, drcId: string): Promise<LoadedDrc | { missing: string }> {
  const snap = await tx.get(firestore().collection(COL.drcs).doc(drcId));
  if (!snap.exists) return { missing: `There is no DRC ${drcId}.` };
  const parsed = parseDrcDoc(snap.data());
  if (!parsed.ok) return { missing: `DRC ${drcId} has invalid terms: ${parsed.problem}.` };
  return {
    id: drcId,
    doc: parsed.doc,
    profile: drcProfileOf(drcId, parsed.doc),
    head: (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD,
  };
}

/**
 * The slot a write of the case needs, checked as automatic placement checks it: the DRC exists, is active, is
 * contracted for the case (action, case type, region, amount band), is below capacity, and the case is not
 * excluded from placement. Reads only: call it before the transaction's first write, then `takeDrcSlot` the
 * result and pass its id to writeCaseWithAudit as `slotTaken`. Releases need nothing here: writeCaseWithAudit
 * gives the old slot back itself.
 */
export async function prepareSlotTake(
  tx: Tx,
  before: CaseState,
  after: CaseState,
): Promise<{ take: LoadedDrc | null } | { refused: string }> {
  const { take } = slotMove(before, after);
  if (!take) return { take: null };
  const drc = await loadDrc(tx, take);
  if ('missing' in drc) return { refused: drc.missing };
  const rulesSnap = await tx.get(policyRef());
  const rules = rulesOf(parseStoredRules(rulesSnap.exists ? rulesSnap.data() : undefined));
  const excluded = exclusionOf(caseForAssignment(after), rules);
  if (excluded) return { refused: `Case ${after.id} is excluded from placement: ${excluded}.` };
  const why = refusalOf(caseForAssignment(after), drc.profile);
  if (why) return { refused: `${drc.doc.name} cannot take case ${after.id}: ${why}.` };
  return { take: drc };
}

function isCollision(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  // 6 ALREADY_EXISTS: another transaction took the same chain event id first; 10 ABORTED: contention.
  return code === 6 || code === 10 || code === 'already-exists' || code === 'aborted';
}

/** Runs a placement transaction again when it lost a race for a chain event id; the loser re-reads and decides anew. */
export function retryOnCollision<T>(fn: () => Promise<T>, attempts = 40): Promise<T> {
  // A short wait growing by 5 ms, with jitter so two losers do not collide again in step.
  return retry(fn, {
    attempts,
    delayMs: (attempt) => Math.min(200, 5 * attempt) + Math.random() * 10,
    retryOnError: isCollision,
  });
}

/**
 * Places an open case with a DRC by the assignment policy, in one transaction with the DRC's open-case
 * counter and its placement record, so cases placed at the same moment cannot push a DRC past its capacity.
 */
export async function assignCaseToDrc(caseId: string, now: Instant, eventId: string): Promise<AssignOutcome> {
  return retryOnCollision(() =>
    runTx(async (tx) => {
      const caseSnap = await tx.get(firestore().collection(COL.cases).doc(caseId));
      if (!caseSnap.exists) return 'skipped';
      const c = caseSnap.data() as CaseState;
      if (c.status !== 'OPEN' || c.drcId !== null || c.closedAt !== null) return 'skipped';
      const config = await loadCaseType(c.caseType, c.configVersion);
      if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
      const ctx = await readPlacementContext(tx);
      const choice = decidePlacement(ctx, c);
      if (!choice.ok) {
        // Nothing changes on the case, but the attempt and its reason are on the trail, and the sweep tries again
        // at placementRetryAt (5 minutes, then doubling up to 6 hours: a full DRC frees slots slowly).
        const head = appendAudit(tx, c.audit, {
          entity: `cases/${c.id}`,
          at: now,
          actor: { uid: SYSTEM_ACTOR.uid, role: 'system', displayName: SYSTEM_ACTOR.displayName ?? null },
          action: 'assignDrc/deferred',
          summary: `Not placed: ${choice.reason}`,
          requestId: null,
          before: {},
          after: {},
          details: { eventId },
          transitions: [],
        });
        const tries = (c.placementAttempts ?? 0) + 1;
        tx.update(caseSnap.ref, {
          audit: head,
          assignment: { ...c.assignment, drcReason: choice.reason },
          placementAttempts: tries,
          placementRetryAt: nextAttemptAt(now, tries, PLACEMENT_RETRY_MS, 6 * 60 * 60_000),
        });
        return { deferred: choice.reason };
      }
      const drc = ctx.drcs.find((d) => d.id === choice.drcId)!;
      const outcome = applyAction(
        config,
        c,
        {
          action: 'assignDrc',
          result: 'assigned',
          inputs: { drcId: choice.drcId, reason: choice.reason },
          requestId: eventId,
        },
        SYSTEM_ACTOR,
        now,
      );
      if (!outcome.ok) throw new Error(`assignDrc refused for ${caseId}: ${outcome.message}`);
      // The DRC slot is the first write: see takeDrcSlot.
      takeDrcSlot(
        tx,
        drc,
        c.id,
        { reason: choice.reason, details: { explanation: choice.explanation, rules: ctx.rules } },
        SYSTEM_ACTOR,
        now,
        eventId,
      );
      const placed = c.placementRetryAt
        ? { ...outcome.case, placementRetryAt: null, placementAttempts: 0 }
        : outcome.case;
      writeCaseWithAudit(tx, c, placed, {
        actor: SYSTEM_ACTOR,
        action: 'assignDrc/assigned',
        summary: `Placed with ${drc.doc.name}: ${choice.reason}`,
        requestId: null,
        details: { scores: choice.scores, explanation: choice.explanation, eventId },
        transitions: outcome.transitions,
        slotTaken: drc.id,
      });
      return { assigned: choice.drcId };
    }),
  );
}
