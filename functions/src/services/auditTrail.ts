import { FieldPath } from 'firebase-admin/firestore';
import { EMPTY_HEAD, verifyChain, type AuditEvent } from '../domain/audit/chain';
import { COL, firestore } from '../data/db';
import { toCsv } from '../csv';
import { readQuery, streamQuery } from '../data/ops';

/**
 * One entity's chain in order (up to 500 events by default), or the newest events across the trail (100 by
 * default), each with its document id.
 */
export async function readAuditEvents(query: {
  entity?: string | null;
  limit?: number | null;
}): Promise<(AuditEvent & { id: string })[]> {
  const base = firestore().collection(COL.audit);
  const snap = await readQuery(
    query.entity
      ? base
          .where('entity', '==', query.entity)
          .orderBy('seq', 'asc')
          .limit(query.limit ?? 500)
      : base.orderBy('at', 'desc').limit(query.limit ?? 100),
  );
  return snap.docs.map((d) => ({ ...(d.data() as AuditEvent), id: d.id }));
}

export interface TrailReport {
  entities: number;
  events: number;
  broken: { entity: string; seq: number; reason: string }[];
}

/**
 * Verifies every entity's hash chain, streaming the trail once and keeping only each chain's head
 * (entity → last seq and hash), so it works whatever order the store returns entities in, as long as
 * each entity's events come in sequence (they are appended in sequence, and ids sort by seq).
 */
export async function verifyAuditTrail(onProgress: (events: number) => void = () => {}): Promise<TrailReport> {
  const report: TrailReport = { entities: 0, events: 0, broken: [] };
  const heads = new Map<string, { seq: number; hash: string } | 'broken'>();
  for await (const doc of streamQuery(firestore().collection(COL.audit).orderBy(FieldPath.documentId()))) {
    const event = doc.data() as AuditEvent;
    report.events += 1;
    if (report.events % 5000 === 0) onProgress(report.events);
    const head = heads.get(event.entity) ?? EMPTY_HEAD;
    if (!heads.has(event.entity)) report.entities += 1;
    if (head === 'broken') continue;
    const verdict = verifyChain([event], head);
    if (verdict.ok) heads.set(event.entity, { seq: event.seq, hash: event.hash });
    else {
      report.broken.push({ entity: event.entity, seq: verdict.seq, reason: verdict.reason });
      heads.set(event.entity, 'broken');
    }
  }
  return report;
}

export function auditCsv(events: AuditEvent[]): string {
  const header = ['at', 'entity', 'seq', 'actor', 'role', 'action', 'summary', 'requestId', 'before', 'after', 'hash'];
  const rows = events.map((e) => [
    e.at,
    e.entity,
    e.seq,
    e.actor.displayName ?? e.actor.uid,
    e.actor.role,
    e.action,
    e.summary,
    e.requestId,
    e.before,
    e.after,
    e.hash,
  ]);
  return toCsv([header, ...rows]);
}
