import type { CallableFunction } from 'firebase-functions/v2/https';
import { callableFunctions } from '../api/callables';
import { MOBILE_OPERATIONS } from '../operations';

export { actorOf, callOperation } from '../api/callables';

/**
 * The field API as callables (docs/decisions/0015), deployed as the `mobile` group: `mobile-caseDetailsForDrc`,
 * `mobile-listMediationBoardCases`... (the same functions index.ts exports through callableFunctions).
 */
export const mobile = callableFunctions(MOBILE_OPERATIONS).mobile as Record<
  string,
  CallableFunction<unknown, Promise<unknown>>
>;
