import type { Instant } from '../../domain/model/time';
import type { InboxItem } from '../../domain/notifications/plan';
import { countQuery, readQuery, runTx } from '../../data/ops';
import { col } from './store';

export async function listInbox(
  uid: string,
  limit: number,
  unreadOnly: boolean,
): Promise<{ items: InboxItem[]; unread: number }> {
  let q = col('inbox').where('uid', '==', uid);
  if (unreadOnly) q = q.where('unread', '==', true);
  const page = await readQuery(q.orderBy('createdAt', 'desc').limit(limit));
  const unread = await countQuery(col('inbox').where('uid', '==', uid).where('unread', '==', true));
  return { items: page.docs.map((d) => ({ ...(d.data() as InboxItem), id: d.id })), unread };
}

/** Marks the caller's own entries read; other users' ids are ignored, not revealed. */
export async function markInboxRead(
  uid: string,
  input: { ids?: string[]; all?: boolean },
  now: Instant,
): Promise<number> {
  const ids = input.all
    ? (await readQuery(col('inbox').where('uid', '==', uid).where('unread', '==', true).limit(500))).docs.map(
        (d) => d.id,
      )
    : (input.ids ?? []);
  if (ids.length === 0) return 0;
  return runTx(async (tx) => {
    const refs = ids.map((id) => col('inbox').doc(id));
    const snaps = [];
    for (const ref of refs) snaps.push(await tx.get(ref));
    let marked = 0;
    for (const snap of snaps) {
      if (!snap.exists || snap.get('uid') !== uid || snap.get('readAt')) continue;
      tx.update(snap.ref, { readAt: now, unread: false });
      marked += 1;
    }
    return marked;
  });
}
