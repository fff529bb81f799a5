import { firestore } from '../data/db';
import { readQuery } from '../data/ops';
import type { SourceCredit, SourceProblem, SourceProblemsOutput } from '../domain/contracts/imports';
import { SOURCE_CHANGES, SOURCE_PAYMENTS, type SourceChangeDoc } from './sourceSync';

const LIMIT = 100;

/**
 * What the source systems sent that needs a person (the recovery section's list): changes parked FAILED after
 * their last attempt (the source's redelivery runs them again), payments for accounts without any case, and the
 * money cases hold as credits (more than was due, a closed case, a case that takes no payments) to refund or
 * re-allocate. Newest last, at most 100 of each.
 */
export async function sourceProblems(): Promise<SourceProblemsOutput> {
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
