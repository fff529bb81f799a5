import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import type { RequestView } from '../api/contract';
import { REGION } from '../config';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';
import { callerActor, parseInput } from '../api/caller';

const input = z.strictObject({ requestId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a request id') });

/** The state of one of the caller's own requests: how the client learns it was applied or why not. */
export async function getRequestHandler(request: Pick<CallableRequest, 'auth' | 'data'>): Promise<RequestView> {
  const actor = await callerActor(request);
  const { requestId } = parseInput(input, request.data);
  const snap = await readDoc(firestore().collection(COL.requests).doc(requestId));
  if (!snap.exists || (snap.get('createdBy') !== actor.uid && actor.role !== 'auditor')) {
    throw new HttpsError('not-found', `No request ${requestId} of yours.`);
  }
  const d = snap.data()!;
  return {
    id: snap.id,
    type: d.type,
    state: d.state,
    caseId: d.caseId ?? null,
    error: d.error ?? null,
    createdAt: d.createdAt,
    appliedAt: d.appliedAt ?? null,
  };
}

export const getRequest = onCall({ region: REGION }, getRequestHandler);
