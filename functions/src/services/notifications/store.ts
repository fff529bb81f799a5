import type { DocumentReference } from 'firebase-admin/firestore';
import { firestore } from '../../data/db';
import { opCount } from '../../data/ops';
import { DEFAULT_PREFERENCES, type Preferences } from '../../domain/notifications/preferences';

/** The notification collections, all top-level: the offline Firestore has no collection groups. */
export const NCOL = {
  /** Outbound SMS and email: the delivery state machine (domain/notifications/delivery.ts). */
  outbox: 'notifications',
  /** One document per send attempt and per provider status callback: the audit of delivery. */
  attempts: 'notificationAttempts',
  /** In-app notifications, one per user and event, readable by their owner. */
  inbox: 'inbox',
  /** Per-user preferences. */
  prefs: 'notificationPrefs',
  /** One per notifying event: the idempotency marker and the log of what it caused. */
  events: 'notifyEvents',
  /** Per-case follow-up schedule; `nextAt` is what the scheduled function queries. */
  schedule: 'notifySchedule',
  /** Per-customer contact history and opt-out: what the compliance gate reads. */
  contacts: 'customerContacts',
  meta: 'meta',
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
