import type { CaseState } from '../domain/model/case';

/**
 * Phases the mobile API lists and counts by (seed 000 §6). Negotiation phases are the telecom life cycle's
 * working statuses. Mediation-board phases are recorded by the field life cycle in
 * `characteristics.boardPhase` (SEAM: align BOARD_PHASES with the phases it records after the merge);
 * a board case with none recorded yet counts as `referred`.
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
export const BOARD_PHASE_FIELD = 'characteristics.boardPhase';
export const UNRECORDED_BOARD_PHASE = 'referred';
export const BOARD_PHASES = [
  'letter_requested',
  'letter_sent',
  'hearing_scheduled',
  'customer_responded',
  'outcome_recorded',
] as const;

export function boardPhaseOf(c: Pick<CaseState, 'characteristics'>): string {
  const recorded = c.characteristics?.boardPhase;
  return typeof recorded === 'string' && recorded.length > 0 ? recorded : UNRECORDED_BOARD_PHASE;
}

/** The phase a case shows in lists: its board phase before the board, else its negotiation phase or status. */
export function phaseOf(c: Pick<CaseState, 'status' | 'characteristics'>): string {
  if (c.status === BOARD_STATUS) return boardPhaseOf(c);
  const negotiation = Object.entries(NEGOTIATION_PHASES).find(([, status]) => status === c.status);
  return negotiation ? negotiation[0] : c.status.toLowerCase();
}
