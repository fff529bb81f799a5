import {
  BOARD_STATUS,
  NEGOTIATION_PHASES,
  NEGOTIATION_STATUSES,
  UNRECORDED_BOARD_PHASE,
  type NegotiationPhase,
} from '../lifecycle/phaseFlags';
import { BOARD_PHASES, type CaseState } from '../model/case';

export { BOARD_PHASES };

/**
 * Phases the mobile API lists and counts by (docs/domain.md, "The field API"), defined with the case's phase
 * flags in domain/lifecycle/phaseFlags.ts. Mediation-board phases are the ones the field life cycle records on
 * the case's top-level `boardPhase` (domain/model/case.ts BOARD_PHASES).
 */
export { BOARD_STATUS, NEGOTIATION_PHASES, NEGOTIATION_STATUSES, UNRECORDED_BOARD_PHASE, type NegotiationPhase };
/** A negotiation is active once the customer has been reached: negotiating or settling. */
export const ACTIVE_NEGOTIATION_STATUSES = ['NEGOTIATION', 'SETTLEMENT'];

export const BOARD_PHASE_FIELD = 'boardPhase';

export function boardPhaseOf(c: Pick<CaseState, 'boardPhase'>): string {
  return c.boardPhase ?? UNRECORDED_BOARD_PHASE;
}

/** The phase a case shows in lists: its board phase before the board, else its negotiation phase or status. */
export function phaseOf(c: Pick<CaseState, 'status' | 'boardPhase'>): string {
  if (c.status === BOARD_STATUS) return boardPhaseOf(c);
  const negotiation = Object.entries(NEGOTIATION_PHASES).find(([, status]) => status === c.status);
  return negotiation ? negotiation[0] : c.status.toLowerCase();
}
