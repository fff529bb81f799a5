import { onCall, type CallableFunction, type CallableRequest } from 'firebase-functions/v2/https';
import { REGION } from '../config';
import { OPERATIONS } from '../api/operations';
import { runOperation, type Operation } from '../api/registry';
import type { Actor } from '../domain/model/roles';
import { callerActor } from './callerActor';

/** The caller of a callable, or null when anonymous (the registry answers UNAUTHENTICATED). */
export async function actorOf(request: Pick<CallableRequest, 'auth'>): Promise<Actor | null> {
  return request.auth ? callerActor(request) : null;
}

/** Runs one mobile API operation for a callable request (tests call this directly). */
export async function callOperation(op: Operation, request: Pick<CallableRequest, 'auth' | 'data'>): Promise<unknown> {
  return runOperation(op, await actorOf(request), request.data);
}

/**
 * The mobile API as callables (docs/decisions/0015), one per operation of the registry, deployed as a group:
 * `mobile-caseDetailsForDrc`, `mobile-listMediationBoardCases`... in asia-south1.
 */
export const mobile: Record<string, CallableFunction<unknown, Promise<unknown>>> = Object.fromEntries(
  OPERATIONS.map((op) => [op.name, onCall({ region: REGION }, (request) => callOperation(op, request))]),
);
