import { listScope } from '../../services/caseAccess';
import { activeRoRequestPage } from '../../services/roRequestList';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';

export const listActiveRoRequests = implement(contracts.listActiveRoRequests, async (actor, input) =>
  activeRoRequestPage(actor, listScope(actor, input), input),
);
