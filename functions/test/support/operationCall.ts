import type { CallableRequest } from 'firebase-functions/v2/https';
import { callOperation } from '../../src/api/callables';
import type { OperationName, OutputOf } from '../../src/domain/contracts';
import { operationNamed } from '../../src/operations';

/**
 * What a test calls an operation with: the callable request's auth and data, answered exactly as the deployed
 * callable answers (the caller's session checked, roles, input parsed, Refusals turned into HttpsErrors).
 */
export function handlerOf<N extends OperationName>(
  name: N,
): (request: Pick<CallableRequest, 'auth' | 'data'>) => Promise<OutputOf<N>> {
  const op = operationNamed(name);
  if (!op) throw new Error(`No operation ${name} in the registry.`);
  return (request) => callOperation(op, request) as Promise<OutputOf<N>>;
}
