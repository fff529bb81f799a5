import { amountDueCents, needsArrears, needsCpe, type CaseState } from '../model/case';

/** The guard library: named, parameterised predicates a configuration may use on system transitions. */
export interface GuardDef {
  description: string;
  test(c: CaseState, params: Record<string, unknown>): boolean;
}

function arrearsResolved(c: CaseState): boolean {
  return !needsArrears(c.requiredAction) || amountDueCents(c) === 0;
}

function cpeResolved(c: CaseState): boolean {
  return !needsCpe(c.requiredAction) || (c.cpe.length > 0 && c.cpe.every((item) => item.status === 'approved'));
}

export const GUARDS: Record<string, GuardDef> = {
  hasDrc: { description: 'the case is placed with a DRC', test: (c) => c.drcId !== null },
  hasRo: { description: 'the case is assigned to a recovery officer', test: (c) => c.roId !== null },
  noDrc: { description: 'the case is not placed with any DRC', test: (c) => c.drcId === null },
  noRo: { description: 'the case has no recovery officer', test: (c) => c.roId === null },
  arrearsResolved: {
    description: 'the arrears (or the agreed settlement) are paid in full, or the case does not collect arrears',
    test: arrearsResolved,
  },
  cpeResolved: {
    description: 'every CPE item is approved by RCMP, or the case does not collect CPE',
    test: cpeResolved,
  },
  characteristicEquals: {
    description: 'a captured fact has a given value (params: field, value)',
    test: (c, p) => c.characteristics[String(p.field)] === p.value,
  },
  amountDueBelow: {
    description: 'less than `cents` is still owed (params: cents)',
    test: (c, p) => amountDueCents(c) < Number(p.cents),
  },
  hasIndicator: {
    description: 'a risk or warning indicator is set (params: indicator)',
    test: (c, p) => c.indicators.includes(String(p.indicator)),
  },
  allResolved: {
    description: 'both the arrears part and the CPE part are resolved',
    test: (c) => arrearsResolved(c) && cpeResolved(c),
  },
};
