import { BOARD_PHASES, type BoardPhase, type CaseState } from '../model/case';

/**
 * The phases the field API counts cases by, and the numeric flags that let it count them with `sum()`
 * (docs/decisions/0035-phase-counts.md). Negotiation phases are the telecom life cycle's working statuses;
 * mediation-board phases are what the life cycle records in `boardPhase`. A board case from before the board
 * record has no phase and is `escalated`, where the life cycle itself places such a case.
 */
export const NEGOTIATION_PHASES = {
  not_contacted: 'RO_ASSIGNED',
  negotiating: 'NEGOTIATION',
  settlement: 'SETTLEMENT',
} as const;
export type NegotiationPhase = keyof typeof NEGOTIATION_PHASES;
export const NEGOTIATION_STATUSES: string[] = Object.values(NEGOTIATION_PHASES);

export const BOARD_STATUS = 'MEDIATION_BOARD';
export const UNRECORDED_BOARD_PHASE: BoardPhase = 'escalated';

const camel = (phase: string) => phase.replace(/(^|_)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());

/** `negotiating` → `phaseIsNegotiating`: 1 on a case in that negotiation phase now, else 0. */
export const negotiationPhaseFlag = (phase: NegotiationPhase): string => `phaseIs${camel(phase)}`;

/** `hearing_scheduled` → `phaseIsBoardHearingScheduled`: 1 on a board case in that phase now, else 0. */
export const boardPhaseFlag = (phase: BoardPhase): string => `phaseIsBoard${camel(phase)}`;

/** Whether a case document field is one of the phase flags (audit diffs leave them out, as derived). */
export const isPhaseFlagField = (name: string): boolean => /^phaseIs[A-Z]/.test(name);

/**
 * Every phase flag of a case, each 0 or 1. Numbers, not booleans, so that one aggregation query sums several
 * of them beside its count(); every flag is on every case (0 where it does not hold) so that an index over the
 * summed fields holds every case the count counts. At most one flag is 1.
 */
export function phaseFlagsOf(c: Pick<CaseState, 'status' | 'boardPhase'>): Record<string, 0 | 1> {
  const flags: Record<string, 0 | 1> = {};
  for (const [phase, status] of Object.entries(NEGOTIATION_PHASES)) {
    flags[negotiationPhaseFlag(phase as NegotiationPhase)] = c.status === status ? 1 : 0;
  }
  const board = c.status === BOARD_STATUS ? (c.boardPhase ?? UNRECORDED_BOARD_PHASE) : null;
  for (const phase of BOARD_PHASES) flags[boardPhaseFlag(phase)] = board === phase ? 1 : 0;
  return flags;
}
