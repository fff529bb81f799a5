import { applyPlacement } from '../../domain/lifecycle/engine';
import {
  withIndicator,
  withoutIndicator,
  type CaseIndicator,
  type IndicatorSource,
} from '../../domain/cases/indicators';
import type { CaseState } from '../../domain/model/case';
import type { Actor } from '../../domain/model/roles';
import type { Instant } from '../../domain/model/time';
import { canSeeCase } from '../../domain/policy/caseScope';
import { notVisible, Refusal } from '../../domain/refusal';
import { loadCaseType } from '../../data/caseTypes';
import { COL, firestore } from '../../data/db';
import { runTx } from '../../data/ops';
import { writeCaseWithAudit } from '../caseAudit';
import { prepareCrossCase } from '../crossCase';

export const SET_INDICATOR_ACTION = 'indicator:set';
export const CLEAR_INDICATOR_ACTION = 'indicator:clear';

export interface IndicatorChange {
  caseId: string;
  indicator: CaseIndicator;
  reason: string;
}

export interface IndicatorOutcome {
  caseId: string;
  indicators: string[];
  /** False when the case already carried (or no longer carried) it: nothing was written. */
  changed: boolean;
  rev: number;
}

/**
 * Raises or clears one indicator on a case, in one transaction with its audit event: the case re-read, its
 * automatic steps run (an indicator watch may suspend it), cross-case work applied. Raising an indicator the case
 * carries already changes nothing; clearing is refused when it does not carry it (the officer sees a stale page).
 */
async function changeIndicator(
  actor: Actor,
  change: IndicatorChange,
  mode: 'set' | 'clear',
  source: IndicatorSource,
  now: Instant,
): Promise<IndicatorOutcome> {
  return runTx(async (tx) => {
    const snap = await tx.get(firestore().collection(COL.cases).doc(change.caseId));
    const c = snap.exists ? (snap.data() as CaseState) : null;
    if (!c || !canSeeCase(actor, c)) throw notVisible('case', change.caseId);
    const current = c.indicators ?? [];
    const carries = current.includes(change.indicator);
    if (mode === 'set' && carries) return { caseId: c.id, indicators: current, changed: false, rev: c.rev };
    if (mode === 'clear' && !carries) {
      throw new Refusal('failed-precondition', `Case ${c.id} does not carry the ${change.indicator} indicator.`, {
        reason: 'not-set',
        indicators: current,
      });
    }
    if (c.closedAt) {
      throw new Refusal(
        'failed-precondition',
        `Case ${c.id} is closed (${c.status}); its indicators stay as they were.`,
        {
          reason: 'closed',
        },
      );
    }
    const config = await loadCaseType(c.caseType, c.configVersion);
    if (!config) throw new Error(`case ${c.id} runs unknown case type ${c.caseType} v${c.configVersion}`);
    const indicators =
      mode === 'set' ? withIndicator(current, change.indicator) : withoutIndicator(current, change.indicator);
    const details = { indicator: change.indicator, reason: change.reason, source };
    const out = applyPlacement(config, c, { indicators }, details, now);
    // A life cycle that cannot settle after the change still gets the indicator: protection comes first.
    const after: CaseState = out.ok ? out.case : { ...c, indicators, updatedAt: now, rev: c.rev + 1 };
    const plan = out.ok ? await prepareCrossCase(tx, after, out.crossCase, now, out.spawn) : null;
    const what = change.indicator.replace(/_/g, ' ');
    const written = writeCaseWithAudit(tx, c, after, {
      actor,
      action: mode === 'set' ? SET_INDICATOR_ACTION : CLEAR_INDICATOR_ACTION,
      summary:
        mode === 'set'
          ? `Indicator raised: ${what} (${change.reason})`
          : `Indicator cleared: ${what} (${change.reason})`,
      requestId: null,
      details: { ...details, signals: out.ok ? out.signals : [] },
      transitions: out.ok ? out.transitions : [],
    });
    plan?.apply();
    return { caseId: c.id, indicators: written.indicators, changed: true, rev: written.rev };
  });
}

export const setCaseIndicator = (actor: Actor, change: IndicatorChange, now: Instant) =>
  changeIndicator(actor, change, 'set', 'officer', now);

export const clearCaseIndicator = (actor: Actor, change: IndicatorChange, now: Instant) =>
  changeIndicator(actor, change, 'clear', 'officer', now);
