import type { DocumentSnapshot } from 'firebase-admin/firestore';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';
import { assertNoForeignLease } from './presence';
import { assertSameRequest, createRequestDocument } from './requestDocs';
import { loadCaseFor } from './caseAccess';
import type { WriteOutput } from '../domain/contracts/schemas';
import { Refusal } from '../domain/refusal';

export interface CaseWrite {
  caseId: string;
  expectedRev: number;
  clientRequestId: string;
  /** The request document's type: `caseAction` today; the field life cycle adds more (e.g. `updateContacts`). */
  type: string;
  payload: Record<string, unknown>;
  /** A check of the case as it is now, for a new write only (a replay gets its first write's fate); throws a Refusal. */
  beforeWrite?: (c: CaseState) => Promise<void>;
}

function existingOutcome(snap: DocumentSnapshot, rev: number): WriteOutput {
  return {
    requestId: snap.id,
    state: snap.get('state') as WriteOutput['state'],
    error: (snap.get('error') as WriteOutput['error']) ?? null,
    caseRev: rev,
  };
}

/**
 * A field write (docs/decisions/0015, 0016): checked at once for what the caller can be told now (scope, closed case,
 * conflict, another user's live lease on the customer), then written as a request document for the
 * onRequestCreated trigger, which re-validates everything with the life cycle inside its transaction.
 * Replaying the same clientRequestId with the same body (an offline queue after a lost answer) returns the first
 * request's fate; the same id with anything else is refused with ALREADY_EXISTS (409 over REST).
 */
export async function submitCaseWrite(actor: Actor, write: CaseWrite): Promise<WriteOutput> {
  const c = await loadCaseFor(actor, write.caseId);
  const body = {
    type: write.type,
    caseId: write.caseId,
    payload: { ...write.payload, expectedRev: write.expectedRev },
  };
  const previous = await readDoc(firestore().collection(COL.requests).doc(write.clientRequestId));
  if (previous.exists) {
    // The key is bound to its first write: the same body gets that write's fate, any other body is refused.
    assertSameRequest(actor, previous, body);
    return existingOutcome(previous, c.rev);
  }
  assertWritable(c, write.expectedRev);
  await assertNoForeignLease(actor, c);
  await write.beforeWrite?.(c);
  const { requestId } = await createRequestDocument(actor, { ...body, clientRequestId: write.clientRequestId });
  return { requestId, state: 'PENDING', error: null, caseRev: c.rev };
}

export function assertWritable(c: CaseState, expectedRev: number): void {
  if (c.closedAt) {
    throw new Refusal('failed-precondition', `Case ${c.id} is closed (${c.status}); nothing more can be recorded.`, {
      reason: 'closed',
      status: c.status,
    });
  }
  if (c.rev !== expectedRev) {
    throw new Refusal(
      'aborted',
      `The case changed after you opened it (it is now ${c.status}, revision ${c.rev}). Review it and submit again.`,
      { reason: 'conflict', currentRev: c.rev, status: c.status },
    );
  }
}
