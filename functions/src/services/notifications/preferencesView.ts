import type { NotificationPrefsView } from '../../domain/contracts/notifications';
import type { Actor } from '../../domain/model/roles';
import type { Preferences } from '../../domain/notifications/preferences';
import { defaultsForRole } from '../../domain/notifications/routing';
import { readDoc } from '../../data/ops';
import { currentRouting } from './routingConfig';
import { col, preferencesOf } from './store';

/** A user's preferences as their form shows them, with their role's default channels per event kind. */
export async function preferencesView(prefs: Preferences, actor: Actor): Promise<NotificationPrefsView> {
  return {
    channels: prefs.channels,
    quietHours: prefs.quietHours,
    timeZone: prefs.timeZone,
    language: prefs.language,
    phone: prefs.phone,
    digest: prefs.digest,
    defaults: defaultsForRole(await currentRouting(), actor.role) as NotificationPrefsView['defaults'],
  };
}

/** The caller's own preferences (the defaults until they save some). */
export async function readPreferencesView(actor: Actor): Promise<NotificationPrefsView> {
  return preferencesView(preferencesOf((await readDoc(col('prefs').doc(actor.uid))).data()), actor);
}
