import { z } from 'zod';
import type { Actor } from '../../domain/model/roles';
import {
  acquireLease,
  holderSeenBy,
  LEASE_SECONDS,
  leaseTerms,
  liveLease,
  releaseLease,
  RENEW_SECONDS,
  type Lease,
} from '../../services/presence';
import { loadCaseFor } from '../../services/caseAccess';
import { implement, type HandlerOf } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';

async function view(lease: Lease | null, actor: Actor, id: string): Promise<z.infer<typeof contracts.leaseView>> {
  if (!lease) return null;
  return {
    holder: await holderSeenBy(actor, lease, id),
    mine: lease.holder.uid === actor.uid,
    onThisCase: lease.caseId === id,
    since: lease.acquiredAt,
    expiresAt: lease.expiresAt,
  };
}

/** Acquiring and renewing are one handler: renewing a lapsed, free lease takes it again. */
const acquire: HandlerOf<
  (typeof contracts.acquireCaseLease)['input'],
  (typeof contracts.acquireCaseLease)['output']
> = async (actor, input) => {
  const c = await loadCaseFor(actor, input.caseId);
  const { acquired, lease, refusal } = await acquireLease(actor, c, new Date().toISOString());
  return {
    acquired,
    refusal,
    lease: await view(lease, actor, c.id),
    maxHoldSeconds: leaseTerms().maxHoldSeconds,
    leaseSeconds: LEASE_SECONDS,
    renewSeconds: RENEW_SECONDS,
  };
};

export const acquireCaseLease = implement(contracts.acquireCaseLease, acquire);
export const renewCaseLease = implement(contracts.renewCaseLease, acquire);

export const releaseCaseLease = implement(contracts.releaseCaseLease, async (actor, input) => {
  const c = await loadCaseFor(actor, input.caseId);
  return { released: await releaseLease(actor, c) };
});

export const whoIsOnCase = implement(contracts.whoIsOnCase, async (actor, input) => {
  const c = await loadCaseFor(actor, input.caseId);
  return { lease: await view(await liveLease(c, new Date().toISOString()), actor, c.id) };
});
