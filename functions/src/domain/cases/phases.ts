import { BOARD_PHASES, type CaseState } from '../model/case';

export { BOARD_PHASES };

/**
 * Phases the mobile API lists and counts by (docs/domain.md, "The field API"). Negotiation phases are the telecom
 * life cycle's working statuses. Mediation-board phases are the ones the field life cycle records on the case's
 * top-level `boardPhase` (domain/model/case.ts BOARD_PHASES); a board case from before the board record existed
 * has none and counts as `escalated`, which is where the life cycle itself places such a case.
 */
export const NEGOTIATION_PHASES = {
  not_contacted: 'RO_ASSIGNED',
  negotiating: 'NEGOTIATION',
  settlement: 'SETTLEMENT',
} as const;
export type NegotiationPhase = keyof typeof NEGOTIATION_PHASES;
export const NEGOTIATION_STATUSES: string[] = Object.values(NEGOTIATION_PHASES);
/** A negotiation is active once the customer has been reached: negotiating or settling. */
export const ACTIVE_NEGOTIATION_STATUSES = ['NEGOTIATION', 'SETTLEMENT'];

export const BOARD_STATUS = 'MEDIATION_BOARD';
export const BOARD_PHASE_FIELD = 'boardPhase';
export const UNRECORDED_BOARD_PHASE = 'escalated';

export function boardPhaseOf(c: Pick<CaseState, 'boardPhase'>): string {
  return c.boardPhase ?? UNRECORDED_BOARD_PHASE;
}

/** The phase a case shows in lists: its board phase before the board, else its negotiation phase or status. */
export function phaseOf(c: Pick<CaseState, 'status' | 'boardPhase'>): string {
  if (c.status === BOARD_STATUS) return boardPhaseOf(c);
  const negotiation = Object.entries(NEGOTIATION_PHASES).find(([, status]) => status === c.status);
  return negotiation ? negotiation[0] : c.status.toLowerCase();
}
