import { listScope } from '../../services/caseAccess';
import { activeRoRequestPage } from '../../services/roRequestList';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import { submitCaseWrite } from '../../services/caseWrites';
import { assertExtensionRequest } from '../../services/fieldWrites';

export const listActiveRoRequests = implement(contracts.listActiveRoRequests, async (actor, input) =>
  activeRoRequestPage(actor, listScope(actor, input), input),
);

export const requestValidityExtension = implement(contracts.requestValidityExtension, async (actor, input) =>
  submitCaseWrite(actor, {
    caseId: input.caseId,
    expectedRev: input.expectedRev,
    clientRequestId: input.clientRequestId,
    type: 'caseAction',
    // The web's RO request action: the life cycle checks the limit and the one-at-a-time rule again.
    payload: { action: 'roRequest', result: 'validity_extension', inputs: { days: input.days, reason: input.reason } },
    prepare: async (c) => assertExtensionRequest(c, input.days),
  }),
);
