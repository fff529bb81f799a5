import type { z } from 'zod';
import { BASKET_CONTRACTS } from './basket';
import { CASES_CONTRACTS } from './cases';
import { ASSIGNMENT_CONTRACTS } from './assignment';
import { AUDIT_CONTRACTS } from './audit';
import { CONFIGURATION_CONTRACTS } from './configuration';
import { FIELD_CONTRACTS } from './field';
import { USERS_CONTRACTS } from './users';
import { IMPORTS_CONTRACTS } from './imports';
import { NOTIFICATIONS_CONTRACTS } from './notifications';
import { COMPLIANCE_CONTRACTS } from './compliance';

/**
 * Every server operation's contract, grouped by area (one file each). The web client's `call(name, input)` and
 * the server's registry (functions/src/operations) are both typed from this list, so a name, an input or an
 * output cannot differ between them.
 */
export const CONTRACTS = [
  ...FIELD_CONTRACTS,
  ...CASES_CONTRACTS,
  ...BASKET_CONTRACTS,
  ...USERS_CONTRACTS,
  ...ASSIGNMENT_CONTRACTS,
  ...CONFIGURATION_CONTRACTS,
  ...AUDIT_CONTRACTS,
  ...IMPORTS_CONTRACTS,
  ...NOTIFICATIONS_CONTRACTS,
  ...COMPLIANCE_CONTRACTS,
] as const;

export type AnyContract = (typeof CONTRACTS)[number];
export type OperationName = AnyContract['name'];
export type ContractNamed<N extends OperationName> = Extract<AnyContract, { name: N }>;
/** What a client sends (before defaults and trimming). */
export type InputOf<N extends OperationName> = z.input<ContractNamed<N>['input']>;
/** What a client receives. */
export type OutputOf<N extends OperationName> = z.output<ContractNamed<N>['output']>;

export function contractNamed(name: string): AnyContract | undefined {
  return CONTRACTS.find((c) => c.name === name);
}

export { callableName } from './define';
