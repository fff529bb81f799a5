import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import type { SourceCredit, SourceProblem, SourceProblemsOutput } from '../api/contract';
import { REGION } from '../config';
import { firestore } from '../data/db';
import { readQuery } from '../data/ops';
import { SOURCE_CHANGES, SOURCE_PAYMENTS, type SourceChangeDoc } from '../services/sourceSync';
import { callerActor, parseInput } from '../api/caller';

/** The recovery section's desks (and auditors, who read everything). */
const ROLES = ['recovery_officer', 'supervisor', 'admin', 'auditor'];
const LIMIT = 100;

/**
 * What the source systems sent that needs a person (the recovery section's list): changes parked FAILED after
 * their last attempt (the source's redelivery runs them again), payments for accounts without any case, and the
 * money cases hold as credits (more than was due, a closed case, a case that takes no payments) to refund or
 * re-allocate. Newest last, at most 100 of each.
 */
export async function listSourceProblemsHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<SourceProblemsOutput> {
  const actor = await callerActor(request);
  parseInput(z.strictObject({}), request.data);
  if (!ROLES.includes(actor.role)) {
    throw new HttpsError('permission-denied', `A ${actor.role} may not list the source systems' problems.`);
  }
  const [changes, credits] = await Promise.all([
    readQuery(
      firestore()
        .collection(SOURCE_CHANGES)
        .where('state', 'in', ['FAILED', 'NO_OPEN_CASE'])
        .orderBy('receivedAt')
        .limitToLast(LIMIT),
    ),
    readQuery(firestore().collection(SOURCE_PAYMENTS).where('creditCents', '>', 0).limit(LIMIT)),
  ]);
  const items = changes.docs
    .map((d) => d.data() as SourceChangeDoc & { lastError?: string | null })
    // An account status or a CPE return for an account without a case needs nobody; money does.
    .filter((d) => d.state === 'FAILED' || d.change.kind === 'payment')
    .map((d): SourceProblem => ({
      id: d.id,
      state: d.state as SourceProblem['state'],
      kind: d.change.kind,
      source: d.change.source,
      accountNumber: d.change.accountNumber,
      amountCents: d.change.kind === 'payment' ? d.change.amountCents : null,
      paymentId: d.change.kind === 'payment' ? d.change.paymentId : null,
      reason:
        d.state === 'FAILED'
          ? (d.lastError ?? 'failed')
          : `No case for account ${d.change.accountNumber}: the money is on no case yet.`,
      attempts: d.attempts ?? 0,
      receivedAt: d.receivedAt,
    }));
  return {
    items,
    credits: credits.docs.map((d): SourceCredit => ({
      reference: d.id,
      caseId: String(d.get('caseId')),
      amountCents: Number(d.get('amountCents')),
      creditCents: Number(d.get('creditCents')),
      reason: (d.get('creditReason') as string | null) ?? null,
      recordedAt: String(d.get('recordedAt')),
    })),
  };
}

export const listSourceProblems = onCall({ region: REGION }, listSourceProblemsHandler);
