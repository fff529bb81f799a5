import type { Instant } from '../../domain/model/time';
import { EVENT_KINDS, type EventKind, type NotifyEvent } from '../../domain/notifications/events';
import { localDate, localMinutes, DEFAULT_TIME_ZONE } from '../../domain/notifications/preferences';
import type { CaseState } from '../../domain/model/case';
import { caseFactsOf } from '../../domain/notifications/events';
import {
  digestSummary,
  dueItems,
  followUpItems,
  nextAtOf,
  type FollowUpSchedule,
} from '../../domain/notifications/schedule';
import { COL, firestore } from '../../data/db';
import { readDoc, readQuery, runTx } from '../../data/ops';
import { log } from '../../logs';
import { emitEvent } from './emit';
import type { InboxItem } from '../../domain/notifications/plan';
import { col, preferencesOf, readAll } from './store';

export const FOLLOW_UP_PAGE = 200;

export interface FollowUpStats {
  cases: number;
  events: number;
  failed: number;
}

/**
 * Reminders and escalations that are due: reads only the schedules with `nextAt <= now`
 * (indexed), so the cost follows what is due, not the number of cases. Each item becomes an event whose
 * id is `{caseId}:{item key}`: a run that dies after emitting and before marking re-emits nothing.
 *
 * Each due case is read as it is now, and only the items it still has fire: the notification trigger leaves the
 * schedule of a case whose follow-ups ended untouched (it does not read schedules for such cases), so a kept
 * promise or a finished to-do is dropped here, one read when it falls due instead of one per case change
 * (docs/decisions/0034-notification-reads.md).
 */
export async function runDueFollowUps(now: Instant, budget = 2_000): Promise<FollowUpStats> {
  const stats: FollowUpStats = { cases: 0, events: 0, failed: 0 };
  const failed = new Set<string>();
  while (stats.cases < budget) {
    const page = await readQuery(
      col('schedule')
        .where('nextAt', '<=', now)
        .orderBy('nextAt')
        .limit(FOLLOW_UP_PAGE + failed.size),
    );
    const docs = page.docs.filter((d) => !failed.has(d.id));
    if (docs.length === 0) break;
    for (const doc of docs) {
      stats.cases += 1;
      try {
        const s = doc.data() as FollowUpSchedule;
        const caseSnap = await readDoc(firestore().collection(COL.cases).doc(s.caseId));
        const c = caseSnap.exists ? (caseSnap.data() as CaseState) : null;
        // Item keys do not depend on the thresholds: the case's items now, by key, are the ones that still apply.
        const current = new Set(c ? followUpItems(c).map((i) => i.key) : []);
        const due = dueItems(s, now).filter((i) => current.has(i.key));
        const dropped = new Set(s.items.filter((i) => !current.has(i.key)).map((i) => i.key));
        for (const item of due) {
          const event: NotifyEvent = {
            id: `sched:${s.caseId}:${item.key}`,
            kind: item.kind,
            at: item.at,
            // The case as it is now decides who is reminded (its RO or DRC may have changed since the schedule).
            caseFacts: c ? caseFactsOf(c) : s.facts,
            vars: item.vars,
            level: item.level,
          };
          await emitEvent(event, now);
          stats.events += 1;
        }
        await runTx(async (tx) => {
          const fresh = await tx.get(doc.ref);
          if (!fresh.exists) return;
          const stored = fresh.data() as FollowUpSchedule;
          // Items the case no longer had when read leave the schedule here (see above); an item a newer change
          // added since stays.
          const items = stored.items.filter((i) => !dropped.has(i.key));
          const keys = new Set(items.map((i) => i.key));
          const sent = [...new Set([...stored.sent, ...due.map((i) => i.key)])].filter((k) => keys.has(k));
          tx.update(doc.ref, { items, sent, nextAt: nextAtOf(items, sent) });
        });
      } catch (error) {
        failed.add(doc.id);
        stats.failed += 1;
        log.error('follow-up failed', { caseId: doc.id, error: String(error) });
      }
    }
  }
  return stats;
}

export const DIGEST_LOCAL_MINUTES = 7 * 60;

const KIND_LABELS: Partial<Record<EventKind, string>> = Object.fromEntries(
  EVENT_KINDS.map((k) => [k, k.replace(/_/g, ' ')]),
);

/**
 * The morning digest: once a day after 07:00 Colombo time, one email per user who had in-app notifications
 * in the last 24 hours and wants a digest. Reads the day's inbox entries only.
 */
export async function runDailyDigest(now: Instant): Promise<{ ran: boolean; users: number }> {
  const today = localDate(now, DEFAULT_TIME_ZONE);
  if (localMinutes(now, DEFAULT_TIME_ZONE) < DIGEST_LOCAL_MINUTES) return { ran: false, users: 0 };
  const metaRef = col('meta').doc('notifyDigest');
  if ((await readDoc(metaRef)).get('lastDate') === today) return { ran: false, users: 0 };
  const since = new Date(Date.parse(now) - 86_400_000).toISOString();
  const items = await readQuery(col('inbox').where('createdAt', '>', since));
  const byUser = new Map<string, EventKind[]>();
  for (const d of items.docs) {
    const item = d.data() as InboxItem;
    if (item.kind === 'digest') continue;
    byUser.set(item.uid, [...(byUser.get(item.uid) ?? []), item.kind]);
  }
  const prefs = await readAll([...byUser.keys()].map((uid) => col('prefs').doc(uid)));
  let users = 0;
  for (const snap of prefs) {
    if (!preferencesOf(snap.data()).digest) continue;
    const kinds = byUser.get(snap.id) ?? [];
    await emitEvent(
      {
        id: `digest:${snap.id}:${today}`,
        kind: 'digest',
        at: now,
        caseFacts: null,
        users: [snap.id],
        vars: { count: String(kinds.length), summary: digestSummary(kinds, KIND_LABELS) },
      },
      now,
    );
    users += 1;
  }
  await runTx(async (tx) => {
    tx.set(metaRef, { lastDate: today, ranAt: now, users });
  });
  return { ran: true, users };
}
