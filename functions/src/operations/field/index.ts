import { caseDetailsForDrc, getRequestStatus } from './cases';
import { updateCustomerContacts } from './contacts';
import { recordCpeCollection, roCpeCollection } from './cpe';
import { countMediationBoardPhaseCases, listMediationBoardCases, submitMediationBoard } from './mediationBoard';
import {
  countNegotiationPhaseCases,
  customerNegotiations,
  listActiveCustomerNegotiations,
  listDrcNegotiationCases,
  recordContact,
  recordPayment,
} from './negotiation';
import { acquireCaseLease, releaseCaseLease, renewCaseLease, whoIsOnCase } from './presence';
import { listActiveRoRequests } from './roRequests';

/** The field API's handlers, by name. */
export const FIELD_OPERATIONS = {
  caseDetailsForDrc,
  updateCustomerContacts,
  listActiveCustomerNegotiations,
  listDrcNegotiationCases,
  countNegotiationPhaseCases,
  customerNegotiations,
  recordContact,
  recordPayment,
  listMediationBoardCases,
  countMediationBoardPhaseCases,
  submitMediationBoard,
  roCpeCollection,
  recordCpeCollection,
  listActiveRoRequests,
  getRequestStatus,
  acquireCaseLease,
  renewCaseLease,
  releaseCaseLease,
  whoIsOnCase,
};
