import { z } from 'zod';
import { FIELD_ROLES, listScope } from '../access';
import { boardPhaseFlag } from '../../domain/lifecycle/phaseFlags';
import { pageOfCases, sumPhaseFlags } from '../lists';
import { BOARD_PHASE_FIELD, BOARD_PHASES, BOARD_STATUS, UNRECORDED_BOARD_PHASE } from '../phases';
import { defineOperation } from '../registry';
import {
  caseId,
  caseSummary,
  clientRequestId,
  expectedRev,
  pageInput,
  pageOf,
  phaseCounts,
  scopeInput,
  writeOutput,
} from '../schemas';
import { submitCaseWrite } from '../writes';

const boardPhase = z.enum(BOARD_PHASES, { error: `must be one of ${BOARD_PHASES.join(', ')}` });

export const listMediationBoardCases = defineOperation({
  name: 'listMediationBoardCases',
  summary: 'Cases before the mediation board, by DRC or RO, optionally in one board phase.',
  description:
    'The field API’s List_All_Mediation_Board_Cases_By_DRC_ID_or_RO_ID. A DRC admin may narrow to one of their ROs (roId); an RO sees their own. The phase filter matches the phase the board process recorded on the case.',
  tag: 'Mediation board',
  method: 'GET',
  path: '/mediation-board/cases',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, phase: boardPhase.nullish(), ...pageInput }),
  output: pageOf(caseSummary),
  handler: async (actor, input) =>
    pageOfCases(
      listScope(actor, input),
      { statuses: [BOARD_STATUS], equals: input.phase ? { [BOARD_PHASE_FIELD]: input.phase } : {} },
      input,
    ),
});

export const countMediationBoardPhaseCases = defineOperation({
  name: 'countMediationBoardPhaseCases',
  summary: 'How many cases are before the board, in each board phase (aggregation queries).',
  description: `The field API’s Count_Mediation_Board_Phase_Cases. Board cases from before the board record (no phase on the case) count as \`${UNRECORDED_BOARD_PHASE}\`.`,
  tag: 'Mediation board',
  method: 'GET',
  path: '/mediation-board/counts',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput }),
  output: phaseCounts,
  handler: async (actor, input) => {
    const scope = listScope(actor, input);
    // Unrecorded board cases count as escalated anyway, so escalated is the total less the other phases: the
    // count and six sums of phase flags, two aggregation queries (docs/decisions/0035-phase-counts.md).
    const counted = BOARD_PHASES.filter((p) => p !== UNRECORDED_BOARD_PHASE);
    const { total, byPhase } = await sumPhaseFlags(
      scope,
      { statuses: [BOARD_STATUS] },
      Object.fromEntries(counted.map((p) => [p, boardPhaseFlag(p)])),
    );
    const recorded = Object.values(byPhase).reduce((s, n) => s + n, 0);
    return {
      total,
      byPhase: { [UNRECORDED_BOARD_PHASE]: Math.max(0, total - recorded), ...byPhase },
    };
  },
});

/**
 * What an RO submits for the mediation board, each one the telecom life cycle's action (configs/debtxTelco.ts):
 * send a failed negotiation to the board (`escalate`), ask the recovery section for the board letter
 * (`roRequest/board_letter`), and record the customer's response after the hearing (`boardResponse/<response>`).
 * Scheduling the hearing and the board's outcome belong to the board itself, not to the field.
 */
const required = (max: number) =>
  z.string({ error: 'is required' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const BOARD_RESPONSES = ['attended_agreed', 'attended_disputed', 'absent'] as const;

const submission = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('escalate'), notes: required(2000) }),
    z.strictObject({ kind: z.literal('requestLetter'), reason: required(1000) }),
    z.strictObject({
      kind: z.literal('customerResponse'),
      response: z.enum(BOARD_RESPONSES, { error: `must be one of ${BOARD_RESPONSES.join(', ')}` }),
      notes: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
    }),
  ],
  { error: 'must be a mediation board submission (kind: escalate, requestLetter or customerResponse)' },
);
type Submission = z.infer<typeof submission>;

function actionOf(s: Submission): { action: string; result: string; inputs: Record<string, string> } {
  switch (s.kind) {
    case 'escalate':
      return { action: 'escalate', result: 'escalated', inputs: { notes: s.notes } };
    case 'requestLetter':
      return { action: 'roRequest', result: 'board_letter', inputs: { reason: s.reason } };
    case 'customerResponse':
      return { action: 'boardResponse', result: s.response, inputs: s.notes ? { notes: s.notes } : {} };
  }
}

export const submitMediationBoard = defineOperation({
  name: 'submitMediationBoard',
  summary: 'Send a case to the mediation board, request its letter, or record the customer’s response to it.',
  description:
    'The field API’s Mediation_Board_Submit. `escalate` (negotiation failed, with notes), `requestLetter` (once before the board; an officer approves), `customerResponse` (after the hearing date). Written as a request document; follow it with getRequestStatus, which carries the life cycle’s reason when it refuses.',
  tag: 'Mediation board',
  method: 'POST',
  path: '/cases/{caseId}/mediation-board',
  roles: ['ro'],
  input: z.strictObject({ caseId, expectedRev, clientRequestId, submission }),
  output: writeOutput,
  handler: async (actor, input) =>
    submitCaseWrite(actor, {
      caseId: input.caseId,
      expectedRev: input.expectedRev,
      clientRequestId: input.clientRequestId,
      type: 'caseAction',
      payload: actionOf(input.submission),
    }),
});
