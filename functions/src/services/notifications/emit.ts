import type { Instant } from '../../domain/model/time';
import type { NotifyEvent } from '../../domain/notifications/events';
import { planNotifications, type UserRecipient } from '../../domain/notifications/plan';
import { rulesFor, type Audience, type RoutingTable } from '../../domain/notifications/routing';
import { currentRouting } from './routingConfig';
import { currentTemplates } from './templateConfig';
import type { UserProfile } from '../../data/actors';
import { COL, firestore } from '../../data/db';
import { CountedBatch, readQuery } from '../../data/ops';
import { log } from '../../logs';
import { col, NCOL, preferencesOf, readAll, safeId } from './store';

type Profile = Omit<UserProfile, 'uid'> & { uid: string };

async function usersByIds(ids: string[]): Promise<Profile[]> {
  const snaps = await readAll(ids.map((id) => firestore().collection(COL.users).doc(id)));
  return snaps.filter((s) => s.exists).map((s) => ({ ...(s.data() as UserProfile), uid: s.id }));
}

async function usersWhere(role: string, drcId?: string): Promise<Profile[]> {
  let q = firestore().collection(COL.users).where('role', '==', role);
  if (drcId) q = q.where('drcId', '==', drcId);
  const snap = await readQuery(q);
  return snap.docs.map((d) => ({ ...(d.data() as UserProfile), uid: d.id }));
}

/** The people each audience of this event means, with their preferences (only the audiences its rules name). */
export async function resolveAudiences(
  event: NotifyEvent,
  routing: RoutingTable,
): Promise<Partial<Record<Audience, UserRecipient[]>>> {
  const facts = event.caseFacts;
  const found: Partial<Record<Audience, Profile[]>> = {};
  for (const rule of rulesFor(routing, event.kind, event.level)) {
    const a = rule.audience;
    if (a === 'customer' || found[a]) continue;
    if (a === 'case_ro') found[a] = facts?.roId ? await usersByIds([facts.roId]) : [];
    else if (a === 'former_ro') found[a] = event.formerRoId ? await usersByIds([event.formerRoId]) : [];
    else if (a === 'case_drc_admin') found[a] = facts?.drcId ? await usersWhere('drc_admin', facts.drcId) : [];
    else if (a === 'former_drc_admin')
      found[a] = event.formerDrcId ? await usersWhere('drc_admin', event.formerDrcId) : [];
    else if (a === 'recovery_officer' || a === 'supervisor' || a === 'rcmp') found[a] = await usersWhere(a);
    else if (a === 'named') found[a] = await usersByIds(event.users ?? []);
  }
  const uids = [...new Set(Object.values(found).flatMap((list) => list.filter((u) => u.active).map((u) => u.uid)))];
  const prefs = new Map(
    (await readAll(uids.map((u) => col('prefs').doc(u)))).map((s) => [s.id, preferencesOf(s.data())]),
  );
  return Object.fromEntries(
    Object.entries(found).map(([a, list]) => [
      a,
      list
        .filter((u) => u.active)
        .map((u) => ({
          uid: u.uid,
          displayName: u.displayName,
          email: u.email || null,
          prefs: prefs.get(u.uid) ?? preferencesOf(undefined),
        })),
    ]),
  );
}

export interface EmitResult {
  eventId: string;
  outcome: 'emitted' | 'duplicate';
  inbox: number;
  deliveries: string[];
}

/**
 * Turns one event into inbox entries and outbox messages, all in one batch with the event's marker
 * (`notifyEvents/{eventId}`) as its first write: a second delivery of the same event, or a concurrent one,
 * fails on create() of the marker and the batch writes nothing (nothing twice). The marker is not read first:
 * its create is the check (docs/performance.md).
 */
export async function emitEvent(event: NotifyEvent, now: Instant): Promise<EmitResult> {
  const [routing, templates] = await Promise.all([currentRouting(), currentTemplates()]);
  const audiences = await resolveAudiences(event, routing);
  const plan = planNotifications(event, audiences, now, { routing, templates });
  const markerRef = col('events').doc(safeId(event.id));
  try {
    const batch = new CountedBatch();
    batch.create(markerRef, {
      eventId: event.id,
      kind: event.kind,
      caseId: event.caseFacts?.caseId ?? null,
      at: event.at,
      createdAt: now,
      inbox: plan.inbox.map((i) => i.id),
      deliveries: plan.deliveries.map((d) => d.id),
      skipped: plan.skipped,
      missingTranslations: plan.missing,
    });
    for (const item of plan.inbox) batch.create(col('inbox').doc(safeId(item.id)), { ...item });
    for (const d of plan.deliveries) batch.create(col('outbox').doc(safeId(d.id)), { ...d });
    await batch.commit();
    return {
      eventId: event.id,
      outcome: 'emitted' as const,
      inbox: plan.inbox.length,
      deliveries: plan.deliveries.map((d) => safeId(d.id)),
    };
  } catch (error) {
    // A second delivery of the event, or two racing: the marker's create() meets the first one's marker.
    if ((error as { code?: number }).code === 6)
      return { eventId: event.id, outcome: 'duplicate', inbox: 0, deliveries: [] };
    throw error;
  } finally {
    for (const m of plan.missing)
      log.warn('notification template missing: fell back to English', { ...m, eventId: event.id });
  }
}

export { NCOL };
