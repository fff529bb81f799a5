import { onCall, type CallableFunction, type CallableRequest } from 'firebase-functions/v2/https';
import type { Actor } from '../domain/model/roles';
import { OPERATIONS } from '../operations';
import { callerActor } from './caller';
import { runOperation, type Operation } from './registry';

/** The caller of a callable, or null when anonymous (the registry answers UNAUTHENTICATED). */
export async function actorOf(request: Pick<CallableRequest, 'auth'>): Promise<Actor | null> {
  return request.auth ? callerActor(request) : null;
}

/** Runs one operation for a callable request (tests call this directly, with a request's auth and data). */
export async function callOperation(op: Operation, request: Pick<CallableRequest, 'auth' | 'data'>): Promise<unknown> {
  return runOperation(op, await actorOf(request), request.data);
}

type Callable = CallableFunction<unknown, Promise<unknown>>;

/**
 * Every operation as a callable, in one loop: under its own name (`listCases`), or in its contract's group
 * (`mobile-recordPayment`, the names the DRCs' mobile app was published with). The region and the other
 * defaults are set once for every function (functions/src/globalOptions.ts).
 */
export function callableFunctions(
  operations: readonly Operation[] = OPERATIONS,
): Record<string, Callable | Record<string, Callable>> {
  const top: Record<string, Callable> = {};
  const groups: Record<string, Record<string, Callable>> = {};
  for (const op of operations) {
    const { secrets, ...runtime } = op.runtime ?? {};
    const fn = onCall({ ...runtime, ...(secrets && { secrets: [...secrets] }) }, (request) =>
      callOperation(op, request),
    );
    if (op.group) (groups[op.group] ??= {})[op.name] = fn;
    else top[op.name] = fn;
  }
  return { ...top, ...groups };
}
