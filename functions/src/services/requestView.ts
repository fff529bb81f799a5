import type { z } from 'zod';
import type { requestView } from '../domain/contracts/cases';
import type { Actor } from '../domain/model/roles';
import { Refusal } from '../domain/refusal';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';

/** The state of one of the caller's own requests (an auditor's: any): how a client learns it was applied or why not. */
export async function requestViewFor(actor: Actor, requestId: string): Promise<z.input<typeof requestView>> {
  const snap = await readDoc(firestore().collection(COL.requests).doc(requestId));
  if (!snap.exists || (snap.get('createdBy') !== actor.uid && actor.role !== 'auditor')) {
    throw new Refusal('not-found', `No request ${requestId} of yours.`);
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
