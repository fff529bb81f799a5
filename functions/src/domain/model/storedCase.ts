import { isBasketField, storedBasketFields } from '../jobBasket/basket';
import { isPhaseFlagField, phaseFlagsOf } from '../lifecycle/phaseFlags';
import type { CaseState } from './case';

/**
 * What a case document stores beside the case: fields derived from it on every write (writeCaseWithAudit), never
 * audited and never set by anything else. The job basket's tabs and counters, and the phase flags the field API
 * counts by (docs/decisions/0035-phase-counts.md).
 */
export function derivedCaseFields(c: CaseState): Record<string, unknown> {
  return { ...storedBasketFields(c), ...phaseFlagsOf(c) };
}

/** Whether a case document field is derived (see derivedCaseFields): audit diffs and case views leave it out. */
export const isDerivedCaseField = (name: string): boolean => isBasketField(name) || isPhaseFlagField(name);

/** The case without its derived fields. */
export function withoutDerivedFields<T extends Record<string, unknown>>(c: T): T {
  return Object.fromEntries(Object.entries(c).filter(([name]) => !isDerivedCaseField(name))) as T;
}

/** A new case as its document stores it (test and benchmark fixtures write cases this way, as the code does). */
export function storedNewCase(c: CaseState): Record<string, unknown> {
  return { ...withoutDerivedFields(c as unknown as Record<string, unknown>), ...derivedCaseFields(c) };
}
