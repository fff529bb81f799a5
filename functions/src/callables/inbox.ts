import { onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { documentId } from '../domain/model/ids';
import { nowIso, REGION } from '../config';
import type { ListInboxOutput, NotificationPrefsView } from '../api/inboxContract';
import { EVENT_KINDS } from '../domain/notifications/events';
import type { Preferences } from '../domain/notifications/preferences';
import { defaultsForRole } from '../domain/notifications/routing';
import { currentRouting } from '../services/notifications/routingConfig';
import { appendAudit } from '../data/audit';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import type { AuditHead } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { LANGUAGES } from '../domain/notifications/templates';
import { readDoc, runTx } from '../data/ops';
import { listInbox, markInboxRead } from '../services/notifications/inbox';
import { col, preferencesOf } from '../services/notifications/store';
import { callerActor, parseInput } from '../api/caller';

/**
 * The in-app inbox: each user reads and marks only their own entries; preferences per event
 * kind and channel, quiet hours, language and phone number. On the full stack the web client may also read
 * `inbox` directly (firestore.rules lets an owner read their entries).
 */
const listInput = z.strictObject({
  limit: z.number().int().min(1).max(100).optional(),
  unreadOnly: z.boolean().optional(),
});

const markInput = z
  .strictObject({
    ids: z.array(documentId('a message id')).max(100).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { message: 'give ids or all: true', path: ['ids'] });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const channelFlags = z.strictObject({
  inapp: z.boolean().optional(),
  sms: z.boolean().optional(),
  email: z.boolean().optional(),
});

const prefsInput = z.strictObject({
  channels: z.partialRecord(z.enum(EVENT_KINDS), channelFlags),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).nullable(),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'is not a time zone'),
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/, 'must be an international number, like +94771234567')
    .nullable(),
  digest: z.boolean(),
});

async function view(p: Preferences, actor: Actor): Promise<NotificationPrefsView> {
  const defaults = defaultsForRole(await currentRouting(), actor.role) as NotificationPrefsView['defaults'];
  return {
    channels: p.channels as NotificationPrefsView['channels'],
    quietHours: p.quietHours,
    timeZone: p.timeZone,
    language: p.language,
    phone: p.phone,
    digest: p.digest,
    defaults,
  };
}

export async function listInboxHandler(request: Pick<CallableRequest, 'auth' | 'data'>): Promise<ListInboxOutput> {
  const actor = await callerActor(request);
  const input = parseInput(listInput, request.data);
  const { items, unread } = await listInbox(actor.uid, input.limit ?? 30, input.unreadOnly ?? false);
  return {
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      caseId: i.caseId,
      title: i.title,
      body: i.body,
      createdAt: i.createdAt,
      readAt: i.readAt,
    })),
    unread,
  };
}

export async function markInboxReadHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<{ marked: number }> {
  const actor = await callerActor(request);
  const input = parseInput(markInput, request.data);
  return { marked: await markInboxRead(actor.uid, input, nowIso()) };
}

export async function getNotificationPrefsHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<NotificationPrefsView> {
  const actor = await callerActor(request);
  return view(preferencesOf((await readDoc(col('prefs').doc(actor.uid))).data()), actor);
}

export async function saveNotificationPrefsHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<NotificationPrefsView> {
  const actor = await callerActor(request);
  const input = parseInput(prefsInput, request.data);
  const prefs: Preferences = { ...input, channels: input.channels };
  // A change of who may be texted, and when, is audited like any other change (on the preferences' own chain).
  await runTx(async (tx) => {
    const ref = col('prefs').doc(actor.uid);
    const snap = await tx.get(ref);
    const now = nowIso();
    const before = snap.exists ? preferencesOf(snap.data()) : null;
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
  return view(prefs, actor);
}

export const listInboxFn = onCall({ region: REGION }, listInboxHandler);
export const markInboxReadFn = onCall({ region: REGION }, markInboxReadHandler);
export const getNotificationPrefs = onCall({ region: REGION }, getNotificationPrefsHandler);
export const saveNotificationPrefs = onCall({ region: REGION }, saveNotificationPrefsHandler);
