import { listScope, loadCaseFor } from '../../services/caseAccess';
import { countPhases, pageOfCases } from '../../services/caseLists';
import { ACTIVE_NEGOTIATION_STATUSES, NEGOTIATION_PHASES, NEGOTIATION_STATUSES } from '../../domain/cases/phases';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import { submitCaseWrite } from '../../services/caseWrites';
import { negotiationHistoryPage } from '../../services/negotiationHistory';

export const listActiveCustomerNegotiations = implement(
  contracts.listActiveCustomerNegotiations,
  async (actor, input) => pageOfCases(listScope(actor, input), { statuses: ACTIVE_NEGOTIATION_STATUSES }, input),
);

export const listDrcNegotiationCases = implement(contracts.listDrcNegotiationCases, async (actor, input) =>
  pageOfCases(
    listScope(actor, input),
    { statuses: input.phase ? [NEGOTIATION_PHASES[input.phase]] : NEGOTIATION_STATUSES },
    input,
  ),
);

export const countNegotiationPhaseCases = implement(contracts.countNegotiationPhaseCases, async (actor, input) => {
  const scope = listScope(actor, input);
  const byPhase = await countPhases(
    Object.fromEntries(
      Object.entries(NEGOTIATION_PHASES).map(([phase, status]) => [phase, [scope, { statuses: [status] }]]),
    ),
  );
  return { total: Object.values(byPhase).reduce((s, n) => s + n, 0), byPhase };
});

export const customerNegotiations = implement(contracts.customerNegotiations, async (actor, input) =>
  negotiationHistoryPage(await loadCaseFor(actor, input.caseId), input),
);

export const recordContact = implement(contracts.recordContact, async (actor, input) => {
  const { caseId: id, expectedRev: rev, clientRequestId: clientId, result, ...rest } = input;
  const inputs = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined));
  return submitCaseWrite(actor, {
    caseId: id,
    expectedRev: rev,
    clientRequestId: clientId,
    type: 'caseAction',
    payload: { action: 'recordContact', result, inputs },
  });
});

export const recordPayment = implement(
  contracts.recordPayment,
  async (actor, { caseId: id, expectedRev: rev, clientRequestId: clientId, ...inputs }) =>
    submitCaseWrite(actor, {
      caseId: id,
      expectedRev: rev,
      clientRequestId: clientId,
      type: 'caseAction',
      payload: { action: 'recordPayment', result: 'received', inputs },
    }),
);
