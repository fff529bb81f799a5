import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import { CONTACT_FIELDS } from '../../domain/contracts/field';
import { submitCaseWrite } from '../../services/caseWrites';

export const updateCustomerContacts = implement(contracts.updateCustomerContacts, async (actor, input) =>
  submitCaseWrite(actor, {
    caseId: input.caseId,
    expectedRev: input.expectedRev,
    clientRequestId: input.clientRequestId,
    type: 'caseAction',
    payload: {
      action: 'updateContacts',
      result: 'updated',
      inputs: {
        ...Object.fromEntries(CONTACT_FIELDS.filter((f) => input[f]).map((f) => [f, input[f]])),
        reason: input.reason,
      },
    },
  }),
);
