import type { Operation } from '../api/registry';
import type { ContractNamed, OperationName } from '../domain/contracts';
import { CONTRACTS } from '../domain/contracts';
import { BASKET_OPERATIONS } from './basket';
import { CASES_OPERATIONS } from './cases';
import { ASSIGNMENT_OPERATIONS } from './assignment';
import { AUDIT_OPERATIONS } from './audit';
import { CONFIGURATION_OPERATIONS } from './configuration';
import { FIELD_OPERATIONS } from './field';
import { USERS_OPERATIONS } from './users';
import { IMPORTS_OPERATIONS } from './imports';
import { NOTIFICATIONS_OPERATIONS } from './notifications';
import { COMPLIANCE_OPERATIONS } from './compliance';

/**
 * Every operation: a handler bound to each contract of domain/contracts. The record type makes a contract
 * without a handler (or a handler without a contract) a compile error; the callables, the REST function and the
 * OpenAPI document are all generated from this one list.
 */
const BY_NAME: { [N in OperationName]: Operation<ContractNamed<N>> } = {
  ...FIELD_OPERATIONS,
  ...CASES_OPERATIONS,
  ...BASKET_OPERATIONS,
  ...USERS_OPERATIONS,
  ...ASSIGNMENT_OPERATIONS,
  ...CONFIGURATION_OPERATIONS,
  ...AUDIT_OPERATIONS,
  ...IMPORTS_OPERATIONS,
  ...NOTIFICATIONS_OPERATIONS,
  ...COMPLIANCE_OPERATIONS,
};

/** In the contracts' order (the OpenAPI document's). */
export const OPERATIONS: readonly Operation[] = CONTRACTS.map((c) => BY_NAME[c.name] as unknown as Operation);

export function operationNamed(name: string): Operation | undefined {
  return OPERATIONS.find((op) => op.name === name);
}

/** The REST-served subset (those with a `rest` binding): the field API and what other clients may use. */
export const REST_OPERATIONS: readonly Operation[] = OPERATIONS.filter((op) => op.rest);

/** The field API as published to the DRCs' mobile app: deployed as the `mobile-` callable group. */
export const MOBILE_OPERATIONS: readonly Operation[] = OPERATIONS.filter((op) => op.group === 'mobile');
