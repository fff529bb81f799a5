import { listScope } from '../../services/caseAccess';
import { boardPhaseFlag } from '../../domain/lifecycle/phaseFlags';
import { pageOfCases, sumPhaseFlags } from '../../services/caseLists';
import { BOARD_PHASE_FIELD, BOARD_PHASES, BOARD_STATUS, UNRECORDED_BOARD_PHASE } from '../../domain/cases/phases';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import type { BoardSubmission } from '../../domain/contracts/field';
import { submitCaseWrite } from '../../services/caseWrites';

export const listMediationBoardCases = implement(contracts.listMediationBoardCases, async (actor, input) =>
  pageOfCases(
    listScope(actor, input),
    { statuses: [BOARD_STATUS], equals: input.phase ? { [BOARD_PHASE_FIELD]: input.phase } : {} },
    input,
  ),
);

export const countMediationBoardPhaseCases = implement(
  contracts.countMediationBoardPhaseCases,
  async (actor, input) => {
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
);

function actionOf(s: BoardSubmission): { action: string; result: string; inputs: Record<string, string> } {
  switch (s.kind) {
    case 'escalate':
      return { action: 'escalate', result: 'escalated', inputs: { notes: s.notes } };
    case 'requestLetter':
      return { action: 'roRequest', result: 'board_letter', inputs: { reason: s.reason } };
    case 'customerResponse':
      return { action: 'boardResponse', result: s.response, inputs: s.notes ? { notes: s.notes } : {} };
  }
}

export const submitMediationBoard = implement(contracts.submitMediationBoard, async (actor, input) =>
  submitCaseWrite(actor, {
    caseId: input.caseId,
    expectedRev: input.expectedRev,
    clientRequestId: input.clientRequestId,
    type: 'caseAction',
    payload: actionOf(input.submission),
  }),
);
