import { appendAudit } from '../../data/audit';
import { COL, firestore } from '../../data/db';
import { readDoc, runTx } from '../../data/ops';
import { diffFields, EMPTY_HEAD } from '../../domain/audit/chain';
import type { AuditHead } from '../../domain/model/case';
import type { Actor } from '../../domain/model/roles';
import type { Instant } from '../../domain/model/time';
import { contactPolicySchema, DEFAULT_CONTACT_POLICY, type ContactPolicy } from '../../domain/notifications/compliance';
import { Refusal } from '../../domain/refusal';
import { log } from '../../logs';
import { settingCache } from '../notifications/settingCache';

export const CONTACT_POLICY_DOC = 'contactPolicy';
export const contactPolicyRef = () => firestore().collection(COL.settings).doc(CONTACT_POLICY_DOC);

export interface PolicyVersion {
  version: number;
  policy: ContactPolicy;
  proposedBy: string | null;
  proposedAt: Instant | null;
  approvedBy: string | null;
  approvedAt: Instant | null;
  note: string | null;
}

export interface ContactPolicyView {
  active: PolicyVersion;
  pending: PolicyVersion | null;
  defaults: ContactPolicy;
}

interface Stored {
  active?: PolicyVersion | null;
  pending?: PolicyVersion | null;
  audit?: AuditHead;
}

const DEFAULT_VERSION: PolicyVersion = {
  version: 0,
  policy: DEFAULT_CONTACT_POLICY,
  proposedBy: null,
  proposedAt: null,
  approvedBy: null,
  approvedAt: null,
  note: null,
};

function viewOf(stored: Stored | undefined): ContactPolicyView {
  return {
    active: stored?.active ?? DEFAULT_VERSION,
    pending: stored?.pending ?? null,
    defaults: DEFAULT_CONTACT_POLICY,
  };
}

export async function readContactPolicy(): Promise<ContactPolicyView> {
  return viewOf((await readDoc(contactPolicyRef())).data() as Stored | undefined);
}

/**
 * The approved policy the gate applies (the default when none was approved): read at most once per instance per
 * 30 s. A stored policy that no longer parses is reported and the default applies, so the gate never opens.
 */
const approved = settingCache<{ version: number; policy: ContactPolicy }>(async () => {
  const active = ((await readDoc(contactPolicyRef())).data() as Stored | undefined)?.active;
  if (!active) return { version: 0, policy: DEFAULT_CONTACT_POLICY };
  const parsed = contactPolicySchema.safeParse(active.policy);
  if (!parsed.success) {
    log.error('settings/contactPolicy does not parse; the default contact policy applies', {});
    return { version: 0, policy: DEFAULT_CONTACT_POLICY };
  }
  return { version: active.version, policy: parsed.data };
});

export const currentContactPolicy = (now = Date.now()) => approved.get(now);
export const forgetContactPolicy = (): void => approved.forget();

const actorOf = (actor: Actor) => ({ uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null });

/**
 * An administrator proposes a new policy (the maker): it waits, not applied, until a second person approves it.
 * A newer proposal replaces a waiting one; a stale form (the policy in force changed meanwhile) is refused.
 */
export async function proposeContactPolicy(
  actor: Actor,
  input: { expectedVersion: number; policy: ContactPolicy; note?: string | null },
  now: Instant,
): Promise<ContactPolicyView> {
  const view = await runTx(async (tx) => {
    const snap = await tx.get(contactPolicyRef());
    const stored = snap.data() as Stored | undefined;
    const { active } = viewOf(stored);
    if (active.version !== input.expectedVersion) {
      throw new Refusal(
        'failed-precondition',
        `The contact policy changed meanwhile (version ${active.version}); reload it.`,
        {
          fields: { expectedVersion: `is ${input.expectedVersion}, the policy is at ${active.version}` },
        },
      );
    }
    const pending: PolicyVersion = {
      version: active.version + 1,
      policy: input.policy,
      proposedBy: actor.uid,
      proposedAt: now,
      approvedBy: null,
      approvedAt: null,
      note: input.note ?? null,
    };
    const head = appendAudit(tx, stored?.audit ?? EMPTY_HEAD, {
      entity: `${COL.settings}/${CONTACT_POLICY_DOC}`,
      at: now,
      actor: actorOf(actor),
      action: 'contactPolicy/propose',
      summary: `Contact policy v${pending.version} proposed, waiting for approval${stored?.pending ? ' (replaces the waiting proposal)' : ''}`,
      requestId: null,
      ...diffFields(
        active.policy as unknown as Record<string, unknown>,
        input.policy as unknown as Record<string, unknown>,
      ),
      details: { note: pending.note },
      transitions: [],
    });
    const next = { active: stored?.active ?? null, pending, audit: head, updatedAt: now };
    tx.set(contactPolicyRef(), next);
    return viewOf(next);
  });
  return view;
}

/**
 * A second person (another administrator or a supervisor, never the maker) approves the waiting policy, which
 * applies at once, or rejects it with a reason. Deciding a proposal that is no longer the waiting one is refused.
 */
export async function decideContactPolicy(
  actor: Actor,
  input: { pendingVersion: number; approve: boolean; note?: string | null },
  now: Instant,
): Promise<ContactPolicyView> {
  const view = await runTx(async (tx) => {
    const snap = await tx.get(contactPolicyRef());
    const stored = snap.data() as Stored | undefined;
    const pending = stored?.pending;
    if (!pending || pending.version !== input.pendingVersion) {
      throw new Refusal('failed-precondition', 'That change is no longer waiting for approval; reload the policy.', {
        reason: 'no-pending',
      });
    }
    if (pending.proposedBy === actor.uid) {
      throw new Refusal('permission-denied', 'You proposed this change; another person must approve or reject it.', {
        reason: 'maker-cannot-approve',
      });
    }
    const { active } = viewOf(stored);
    const approvedVersion: PolicyVersion = { ...pending, approvedBy: actor.uid, approvedAt: now };
    const head = appendAudit(tx, stored?.audit ?? EMPTY_HEAD, {
      entity: `${COL.settings}/${CONTACT_POLICY_DOC}`,
      at: now,
      actor: actorOf(actor),
      action: input.approve ? 'contactPolicy/approve' : 'contactPolicy/reject',
      summary: input.approve
        ? `Contact policy v${pending.version} approved; it applies now`
        : `Contact policy v${pending.version} rejected: ${input.note ?? ''}`,
      requestId: null,
      ...(input.approve
        ? diffFields(
            active.policy as unknown as Record<string, unknown>,
            pending.policy as unknown as Record<string, unknown>,
          )
        : { before: {}, after: {} }),
      details: { note: input.note ?? null, proposedBy: pending.proposedBy },
      transitions: [],
    });
    const next = {
      active: input.approve ? approvedVersion : (stored?.active ?? null),
      pending: null,
      audit: head,
      updatedAt: now,
    };
    tx.set(contactPolicyRef(), next);
    return viewOf(next);
  });
  forgetContactPolicy();
  return view;
}
