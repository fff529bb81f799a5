import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/cases';
import { caseDetailFor } from '../../services/caseDetail';
import { customerOverviewFor } from '../../services/customerOverview';

export const getCase = implement(contracts.getCase, (actor, { caseId }) => caseDetailFor(actor, caseId));

export const customerOverview = implement(contracts.customerOverview, (actor, { caseId }) =>
  customerOverviewFor(actor, caseId),
);
