import type { CaseState } from '../../domain/model/case';
import type { Instant } from '../../domain/model/time';
import { caseFactsOf, eventsFromCaseAudit, type AuditLike, type NotifyEvent } from '../../domain/notifications/events';
import {
  hasFollowUps,
  nextSchedule,
  type FollowUpConfig,
  type FollowUpSchedule,
} from '../../domain/notifications/schedule';
import { COL, firestore } from '../../data/db';
import { readDoc, runTx } from '../../data/ops';
import { emitEvent, type EmitResult } from './emit';
import { col } from './store';

/**
 * The source of case notifications: every case change writes an audit event in its own transaction
 * (services/caseAudit.ts), so a trigger on `audit/{id}` sees each change exactly as committed. The audit
 * event's id is the idempotency key of everything it causes.
 */
export async function notifyFromAudit(
  auditId: string,
  audit: Omit<AuditLike, 'id'>,
  now: Instant,
  followUps?: FollowUpConfig,
): Promise<{ events: EmitResult[]; scheduled: boolean }> {
  if (!audit.entity?.startsWith('cases/')) return { events: [], scheduled: false };
  const caseId = audit.entity.slice('cases/'.length);
  const snap = await readDoc(firestore().collection(COL.cases).doc(caseId));
  if (!snap.exists) return { events: [], scheduled: false };
  const c = snap.data() as CaseState;
  const events: NotifyEvent[] = eventsFromCaseAudit({ ...audit, id: auditId }, caseFactsOf(c));
  const results: EmitResult[] = [];
  for (const event of events) results.push(await emitEvent(event, now));
  // A case without follow-ups now needs no schedule read: a schedule it had is left as it is, and its items are
  // dropped when they fall due, by runDueFollowUps reading the case then (docs/decisions/0034-notification-reads.md).
  if (hasFollowUps(c)) await refreshSchedule(c, followUps);
  return { events: results, scheduled: true };
}

/** Recomputes the case's follow-up schedule from the case as it is now (reminders, escalations). */
export async function refreshSchedule(c: CaseState, config?: FollowUpConfig): Promise<void> {
  await runTx(async (tx) => {
    const ref = col('schedule').doc(c.id);
    const prev = await tx.get(ref);
    const next = nextSchedule(c, (prev.data() as FollowUpSchedule | undefined) ?? null, config);
    if (!prev.exists && next.items.length === 0) return;
    tx.set(ref, { ...next });
  });
}
