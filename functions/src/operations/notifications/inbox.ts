import { nowIso } from '../../config';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/notifications';
import { listInbox as list, markInboxRead as mark } from '../../services/notifications/inbox';
import { preferencesView, readPreferencesView } from '../../services/notifications/preferencesView';
import { savePreferences } from '../../services/notifications/savePreferences';

/**
 * The in-app inbox: each user reads and marks only their own entries; preferences per event kind and channel,
 * quiet hours, language and phone number. On the full stack the web client may also read `inbox` directly
 * (firestore.rules lets an owner read their entries).
 */
export const listInbox = implement(contracts.listInbox, async (actor, input) => {
  const { items, unread } = await list(actor.uid, input.limit ?? 30, input.unreadOnly ?? false);
  return {
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      caseId: i.caseId,
      title: i.title,
      body: i.body,
      texts: i.texts ?? null,
      createdAt: i.createdAt,
      readAt: i.readAt,
    })),
    unread,
  };
});

export const markInboxRead = implement(contracts.markInboxRead, async (actor, input) => ({
  marked: await mark(actor.uid, input, nowIso()),
}));

export const getNotificationPrefs = implement(contracts.getNotificationPrefs, (actor) => readPreferencesView(actor));

export const saveNotificationPrefs = implement(contracts.saveNotificationPrefs, async (actor, input) => {
  await savePreferences(actor, input, nowIso());
  return preferencesView(input, actor);
});
