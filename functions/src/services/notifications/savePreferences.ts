import { appendAudit } from '../../data/audit';
import { runTx } from '../../data/ops';
import { diffFields, EMPTY_HEAD } from '../../domain/audit/chain';
import type { AuditHead } from '../../domain/model/case';
import type { Actor } from '../../domain/model/roles';
import type { Preferences } from '../../domain/notifications/preferences';
import { col, preferencesOf } from './store';

/** Replaces the caller's own preferences. A change of who may be texted, and when, is audited like any other. */
export async function savePreferences(actor: Actor, prefs: Preferences, now: string): Promise<void> {
  await runTx(async (tx) => {
    const ref = col('prefs').doc(actor.uid);
    const snap = await tx.get(ref);
    const before = snap.exists ? preferencesOf(snap.data()) : null;
    // On the preferences' own chain.
    const head = appendAudit(tx, (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD, {
      entity: `${ref.parent.id}/${actor.uid}`,
      at: now,
      actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
      action: 'notificationPrefs/save',
      summary: 'Notification preferences saved',
      requestId: null,
      ...diffFields(before as unknown as Record<string, unknown> | null, prefs as unknown as Record<string, unknown>),
      details: {},
      transitions: [],
    });
    tx.set(ref, { ...prefs, updatedAt: now, audit: head });
  });
}
