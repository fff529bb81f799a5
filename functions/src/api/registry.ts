import { HttpsError } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import type { Actor, Role } from '../domain/model/roles';
import { parseInput } from '../callables/callerActor';

export type HttpMethod = 'GET' | 'POST';

/**
 * One operation of the mobile API (docs/decisions/0015). The callables and the REST function both dispatch through
 * runOperation, and the OpenAPI document is generated from these same schemas: the surfaces cannot drift.
 */
export interface Operation<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> {
  name: string;
  summary: string;
  description?: string;
  tag: 'Cases' | 'Negotiation' | 'Mediation board' | 'CPE' | 'Requests' | 'Presence';
  method: HttpMethod;
  /** Under /api/v1; `{name}` segments are input fields taken from the path. */
  path: string;
  /** Roles that may call it at all; the handler then applies the case scope of the policy table. */
  roles: readonly Role[];
  input: I;
  output: O;
  handler: (actor: Actor, input: z.output<I>) => Promise<z.input<O>>;
}

export function defineOperation<I extends z.ZodObject, O extends z.ZodType>(op: Operation<I, O>): Operation<I, O> {
  return op;
}

/**
 * Anonymous → UNAUTHENTICATED; a role the operation is not for → PERMISSION_DENIED (before the input is even
 * looked at); bad input → INVALID_ARGUMENT with per-field reasons; then the handler, whose output is parsed
 * against the documented schema (extra fields are dropped, a missing one is a bug caught here, not by a client).
 */
export async function runOperation(op: Operation, actor: Actor | null, data: unknown): Promise<unknown> {
  if (!actor) throw new HttpsError('unauthenticated', 'Please sign in.');
  if (actor.role === 'system' || !op.roles.includes(actor.role)) {
    throw new HttpsError('permission-denied', `A ${actor.role} may not call ${op.name}.`);
  }
  const input = parseInput(op.input, data);
  const output = await op.handler(actor, input);
  return op.output.parse(output);
}
