import { onCall, type CallableRequest } from 'firebase-functions/v2/https';
import type { Me } from '../api/contract';
import { REGION } from '../config';
import { callerActor } from '../api/caller';

export async function whoAmIHandler(request: Pick<CallableRequest, 'auth'>): Promise<Me> {
  const actor = await callerActor(request);
  return {
    uid: actor.uid,
    email: request.auth?.token.email ?? null,
    role: actor.role as Me['role'],
    drcId: actor.drcId ?? null,
    displayName: actor.displayName ?? actor.uid,
  };
}

export const whoAmI = onCall({ region: REGION }, whoAmIHandler);
