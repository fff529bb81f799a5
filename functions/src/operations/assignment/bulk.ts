import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/assignment';
import { placeCasesWithAgency } from '../../services/placeCasesWithAgency';
import { recallCases as recall } from '../../services/recallCases';
import { reassignCases as reassign } from '../../services/reassignCases';

export const recallCases = implement(contracts.recallCases, (actor, input) => recall(actor, input));

export const reassignCases = implement(contracts.reassignCases, (actor, input) => reassign(actor, input));

export const placeWithAgency = implement(contracts.placeWithAgency, (actor, input) =>
  placeCasesWithAgency(actor, input),
);
