import { nowIso } from '../config';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import type { AuditHead } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { notVisible } from '../domain/refusal';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { runTx } from '../data/ops';
import { auditActor } from './assignmentPolicy';

/** The areas an RO covers and the open cases they should hold (by_area and capacity), on `users/{uid}`. */
export async function setRoProfile(
  actor: Actor,
  input: { uid: string; areas: string[]; capacity: number | null },
): Promise<{ uid: string }> {
  await runTx(async (tx) => {
    const ref = firestore().collection(COL.users).doc(input.uid);
    const snap = await tx.get(ref);
    // No such user, not an RO, or another DRC's RO: one answer, so a DRC admin cannot probe the directory.
    const mine = actor.role === 'admin' || (!!actor.drcId && snap.get('drcId') === actor.drcId);
    if (!snap.exists || snap.get('role') !== 'ro' || !mine) throw notVisible('user', input.uid);
    const before = { areas: snap.get('areas') ?? [], roCapacity: snap.get('roCapacity') ?? null };
    const after = { areas: input.areas, roCapacity: input.capacity };
    const diff = diffFields(before, after);
    const head = appendAudit(tx, (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD, {
      entity: `users/${input.uid}`,
      at: nowIso(),
      actor: auditActor(actor),
      action: 'roProfile/set',
      summary: `Areas ${input.areas.join(', ') || '(none)'}; capacity ${input.capacity ?? 'none'}`,
      requestId: null,
      before: diff.before,
      after: diff.after,
      details: {},
      transitions: [],
    });
    tx.update(ref, { ...after, audit: head });
  });
  return { uid: input.uid };
}
