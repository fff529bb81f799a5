import type { Operation } from '../registry';
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

/** Every operation of the mobile API, in the order the OpenAPI document lists them. */
export const OPERATIONS = [
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
] as unknown as readonly Operation[];

export function operationNamed(name: string): Operation | undefined {
  return OPERATIONS.find((op) => op.name === name);
}
