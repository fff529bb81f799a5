import { FieldPath, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { verifyChain, type AuditEvent } from '../domain/audit/chain';
import { COL, firestore } from '../data/db';

export interface TrailReport {
  entities: number;
  events: number;
  broken: { entity: string; seq: number; reason: string }[];
}

/**
 * Verifies every entity's hash chain. Event ids sort by entity then sequence (`entity~00000001`), so one
 * streamed query in id order yields each chain in order without holding the whole trail in memory.
 */
export async function verifyAuditTrail(onProgress: (events: number) => void = () => {}): Promise<TrailReport> {
  const report: TrailReport = { entities: 0, events: 0, broken: [] };
  let entity: string | null = null;
  let chain: AuditEvent[] = [];
  const finish = () => {
    if (entity === null) return;
    report.entities += 1;
    const verdict = verifyChain(chain);
    if (!verdict.ok) report.broken.push({ entity, seq: verdict.seq, reason: verdict.reason });
  };
  const stream = firestore().collection(COL.audit).orderBy(FieldPath.documentId()).stream();
  for await (const raw of stream) {
    // Query.stream() is typed as a plain readable stream; its items are query document snapshots.
    const doc = raw as unknown as QueryDocumentSnapshot;
    const event = doc.data() as AuditEvent;
    if (event.entity !== entity) {
      finish();
      entity = event.entity;
      chain = [];
    }
    chain.push(event);
    report.events += 1;
    if (report.events % 5000 === 0) onProgress(report.events);
  }
  finish();
  return report;
}

/** A spreadsheet cell that cannot run as a formula when the CSV is opened (issue 7: formula injection). */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(events: AuditEvent[]): string {
  const header = ['at', 'entity', 'seq', 'actor', 'role', 'action', 'summary', 'requestId', 'before', 'after', 'hash'];
  const rows = events.map((e) =>
    [
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
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}
