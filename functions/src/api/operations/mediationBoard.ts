import { z } from 'zod';
import { FIELD_ROLES, listScope } from '../access';
import { countPhases, pageOfCases } from '../lists';
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
    'Seed 000 §6 List_All_Mediation_Board_Cases_By_DRC_ID_or_RO_ID. A DRC admin may narrow to one of their ROs (roId); an RO sees their own. The phase filter matches the phase the board process recorded on the case.',
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
  summary: 'How many cases are before the board, in each board phase (count aggregations).',
  description: `Seed 000 §6 Count_Mediation_Board_Phase_Cases. Cases with no phase recorded yet count as \`${UNRECORDED_BOARD_PHASE}\`.`,
  tag: 'Mediation board',
  method: 'GET',
  path: '/mediation-board/counts',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput }),
  output: phaseCounts,
  handler: async (actor, input) => {
    const scope = listScope(actor, input);
    const counts = await countPhases({
      total: [scope, { statuses: [BOARD_STATUS] }],
      ...Object.fromEntries(
        BOARD_PHASES.map((p) => [p, [scope, { statuses: [BOARD_STATUS], equals: { [BOARD_PHASE_FIELD]: p } }]]),
      ),
    });
    const { total = 0, ...byPhase } = counts;
    const recorded = Object.values(byPhase).reduce((s, n) => s + n, 0);
    return { total, byPhase: { [UNRECORDED_BOARD_PHASE]: Math.max(0, total - recorded), ...byPhase } };
  },
});

/**
 * What an RO submits to the mediation board. Today: send a failed negotiation to the board (the telecom life
 * cycle's `escalate`). SEAM: the field life cycle's board phases (letter requests, hearing, customer response)
 * become further `kind`s here after the merge, each mapped to its request.
 */
const submission = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('escalate'),
      notes: z
        .string({ error: 'is required' })
        .trim()
        .min(1, 'is required')
        .max(2000, 'must be at most 2000 characters'),
    }),
  ],
  { error: 'must be a mediation board submission (kind: escalate)' },
);

export const submitMediationBoard = defineOperation({
  name: 'submitMediationBoard',
  summary: 'Submit a case to the mediation board (negotiation failed), with the reason.',
  description: 'Seed 000 §6 Mediation_Board_Submit. Written as a request document; follow it with getRequestStatus.',
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
      payload: { action: 'escalate', result: 'escalated', inputs: { notes: input.submission.notes } },
    }),
});
