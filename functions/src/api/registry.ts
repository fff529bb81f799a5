import { HttpsError } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import type { Contract } from '../domain/contracts/define';
import type { Actor } from '../domain/model/roles';
import { isRefusal } from '../domain/refusal';
import { parseInput } from './caller';

/**
 * One server operation: a contract (functions/src/domain/contracts: name, roles, zod input and output) with the
 * handler that does it. Every callable, the REST API and the OpenAPI document are generated from the one list
 * in functions/src/operations (docs/decisions/0015, 0038): the surfaces cannot drift.
 */
/** What a handler takes and gives: the contract's parsed input, and what its output schema accepts. */
export type HandlerOf<I extends z.ZodType, O extends z.ZodType> = (
  actor: Actor,
  input: z.output<I>,
) => Promise<z.input<O>>;
export type Handler<C extends Contract> = HandlerOf<C['input'], C['output']>;
export type Operation<C extends Contract = Contract> = C & { handler: Handler<C> };

/** Binds a handler to its contract. The handler calls services; it neither reads Firestore nor throws HttpsError. */
export function implement<C extends Contract>(contract: C, handler: Handler<C>): Operation<C> {
  return { ...contract, handler };
}

/** A service's Refusal as the callable error of the same code; an HttpsError passes as it is. */
export function asHttpsError(error: unknown): unknown {
  if (isRefusal(error)) return new HttpsError(error.code, error.message, error.details);
  return error;
}

/**
 * Anonymous → UNAUTHENTICATED; a role the operation is not for → PERMISSION_DENIED (before the input is even
 * looked at); bad input → INVALID_ARGUMENT with per-field reasons; then the handler, whose output is parsed
 * against the documented schema (extra fields are dropped, a missing one is a bug caught here, not by a client).
 * A Refusal thrown below becomes the HttpsError of its code here, and only here.
 */
export async function runOperation(op: Operation, actor: Actor | null, data: unknown): Promise<unknown> {
  if (!actor) throw new HttpsError('unauthenticated', 'Please sign in.');
  if (actor.role === 'system' || !op.roles.includes(actor.role)) {
    throw new HttpsError('permission-denied', `A ${actor.role} may not call ${op.name}.`);
  }
  const input = parseInput(op.input, data);
  try {
    const output = await op.handler(actor, input);
    return op.output.parse(output);
  } catch (error) {
    throw asHttpsError(error);
  }
}
