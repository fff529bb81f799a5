import { z } from 'zod';
import type { Actor, Role } from '../../domain/model/roles';
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
import { CASE_WORKER_ROLES, loadCaseFor } from '../access';
import { defineOperation } from '../registry';
import { caseId } from '../schemas';

const leaseView = z
  .object({
    /** Null when the lease is on another case of the customer that the caller may not see. */
    holder: z.object({ uid: z.string(), displayName: z.string(), role: z.string() }).nullable(),
    mine: z.boolean(),
    /** Only when the lease is on this very case: another case of the customer may be outside the caller's scope. */
    onThisCase: z.boolean(),
    since: z.string(),
    expiresAt: z.string(),
  })
  .nullable();

const leaseOut = z.object({
  acquired: z.boolean(),
  /** Why not: another user holds the customer, or the caller reached the longest continuous hold. */
  refusal: z.enum(['held', 'hold-limit']).nullable(),
  lease: leaseView,
  maxHoldSeconds: z.number().int(),
  leaseSeconds: z.number().int(),
  renewSeconds: z.number().int(),
});

async function view(lease: Lease | null, actor: Actor, id: string): Promise<z.infer<typeof leaseView>> {
  if (!lease) return null;
  return {
    holder: await holderSeenBy(actor, lease, id),
    mine: lease.holder.uid === actor.uid,
    onThisCase: lease.caseId === id,
    since: lease.acquiredAt,
    expiresAt: lease.expiresAt,
  };
}

const ALL_ROLES: readonly Role[] = [...CASE_WORKER_ROLES, 'admin', 'auditor'];

const acquire = (name: string, path: string, summary: string) =>
  defineOperation({
    name,
    summary,
    description: `A lease on the case’s customer for ${LEASE_SECONDS} s, to renew every ${RENEW_SECONDS} s while the case is open. Refused (acquired: false, with who holds it) while another user’s lease is live; while it is live nobody else may record contact with that customer. A hold is renewed for at most maxHoldSeconds in a row: then the renewal is refused (refusal: hold-limit) and the lease lapses, so someone waiting gets the customer; the holder may take it again one lease period later.`,
    tag: 'Presence',
    method: 'POST',
    path,
    roles: CASE_WORKER_ROLES,
    input: z.strictObject({ caseId }),
    output: leaseOut,
    handler: async (actor, input) => {
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
    },
  });

export const acquireCaseLease = acquire(
  'acquireCaseLease',
  '/cases/{caseId}/lease',
  'Start working a case: take the customer’s lease.',
);
export const renewCaseLease = acquire(
  'renewCaseLease',
  '/cases/{caseId}/lease/renew',
  'Still working: extend the lease (takes it if it lapsed and is free).',
);

export const releaseCaseLease = defineOperation({
  name: 'releaseCaseLease',
  summary: 'Leave the case: give the customer’s lease up (if the caller holds it).',
  tag: 'Presence',
  method: 'POST',
  path: '/cases/{caseId}/lease/release',
  roles: CASE_WORKER_ROLES,
  input: z.strictObject({ caseId }),
  output: z.object({ released: z.boolean() }),
  handler: async (actor, input) => {
    const c = await loadCaseFor(actor, input.caseId);
    return { released: await releaseLease(actor, c) };
  },
});

export const whoIsOnCase = defineOperation({
  name: 'whoIsOnCase',
  summary: 'Who is working with this case’s customer now, if anyone.',
  tag: 'Presence',
  method: 'GET',
  path: '/cases/{caseId}/presence',
  roles: ALL_ROLES,
  input: z.strictObject({ caseId }),
  output: z.object({ lease: leaseView }),
  handler: async (actor, input) => {
    const c = await loadCaseFor(actor, input.caseId);
    return { lease: await view(await liveLease(c, new Date().toISOString()), actor, c.id) };
  },
});
