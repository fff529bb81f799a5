import type { DocumentReference } from 'firebase-admin/firestore';
import { COL, firestore } from '../../data/db';
import { opCount } from '../../data/ops';
import { DEFAULT_PREFERENCES, type Preferences } from '../../domain/notifications/preferences';

/** The notification collections (names in COL), all top-level: the offline Firestore has no collection groups. */
export const NCOL = {
  outbox: COL.notifications,
  attempts: COL.notificationAttempts,
  inbox: COL.inbox,
  prefs: COL.notificationPrefs,
  events: COL.notifyEvents,
  schedule: COL.notifySchedule,
  contacts: COL.customerContacts,
  meta: COL.meta,
} as const;

export const col = (name: keyof typeof NCOL) => firestore().collection(NCOL[name]);

/** Firestore document ids may not contain slashes. */
export const safeId = (s: string): string => s.replace(/\//g, '~');

export async function readAll(refs: DocumentReference[]) {
  if (refs.length === 0) return [];
  opCount.reads += refs.length;
  return firestore().getAll(...refs);
}

/** Stored preferences over the defaults, so a field added later has a value for everyone. */
export function preferencesOf(data: Record<string, unknown> | undefined): Preferences {
  return { ...DEFAULT_PREFERENCES, ...(data as Partial<Preferences> | undefined) };
}
