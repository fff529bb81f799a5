import type { InputOf } from '../../../functions/src/domain/contracts';
import type {
  NotificationPrefsView,
  NotifyChannel,
  NotifyLanguage,
  SaveNotificationPrefsInput,
} from '../../../functions/src/domain/contracts/types';

export const CHANNELS: NotifyChannel[] = ['inapp', 'sms', 'email'];

export interface Draft {
  channels: Record<string, Record<NotifyChannel, boolean>>;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
  language: NotifyLanguage;
  phone: string;
  digest: boolean;
}

/** The form's values: a kind's channel is on when the user said so, else when their role's default has it. */
export function draftOf(view: NotificationPrefsView): Draft {
  const channels: Draft['channels'] = {};
  for (const [kind, defaults] of Object.entries(view.defaults)) {
    const own = view.channels[kind] ?? {};
    channels[kind] = {
      inapp: own.inapp ?? defaults.includes('inapp'),
      sms: own.sms ?? defaults.includes('sms'),
      email: own.email ?? defaults.includes('email'),
    };
  }
  return {
    channels,
    quiet: view.quietHours !== null,
    quietStart: view.quietHours?.start ?? '21:00',
    quietEnd: view.quietHours?.end ?? '07:00',
    timeZone: view.timeZone,
    language: view.language,
    phone: view.phone ?? '',
    digest: view.digest,
  };
}

/** Only the channels that differ from the role's defaults are saved: a later change of defaults still reaches the user. */
export function inputOf(draft: Draft, defaults: NotificationPrefsView['defaults']): SaveNotificationPrefsInput {
  const channels: SaveNotificationPrefsInput['channels'] = {};
  for (const [kind, flags] of Object.entries(draft.channels)) {
    const differing: Partial<Record<NotifyChannel, boolean>> = {};
    for (const c of CHANNELS) if (flags[c] !== (defaults[kind] ?? []).includes(c)) differing[c] = flags[c];
    if (Object.keys(differing).length > 0) channels[kind] = differing;
  }
  return {
    channels,
    quietHours: draft.quiet ? { start: draft.quietStart, end: draft.quietEnd } : null,
    timeZone: draft.timeZone.trim(),
    language: draft.language,
    phone: draft.phone.trim() === '' ? null : draft.phone.replace(/[\s-]/g, ''),
    digest: draft.digest,
  };
}

/** What the preferences form holds: the draft, with the role's defaults it is compared to. */
export type PrefsFormValues = Draft & { defaults: NotificationPrefsView['defaults'] };

export function prefsFormValues(view: NotificationPrefsView): PrefsFormValues {
  return { ...draftOf(view), defaults: view.defaults };
}

/** The saveNotificationPrefs input the form stands for, as the contract validates it. */
export function prefsInput(values: PrefsFormValues): InputOf<'saveNotificationPrefs'> {
  // Kinds are text here; the contract refuses one that is not an event kind.
  return inputOf(values, values.defaults) as InputOf<'saveNotificationPrefs'>;
}
