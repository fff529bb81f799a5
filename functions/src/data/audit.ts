import { chainEvent, type AuditDraft } from '../domain/audit/chain';
import type { AuditHead } from '../domain/model/case';
import { COL, firestore } from './db';
import type { Writes } from './ops';

/** Audit event ids are `{entity with / as ~}~{seq}`: a replayed write collides and fails instead of duplicating. */
export function auditDocId(entity: string, seq: number): string {
  return `${entity.replace(/\//g, '~')}~${String(seq).padStart(8, '0')}`;
}

/** Appends an event to the entity's chain inside the caller's transaction; returns the new chain head. */
export function appendAudit(tx: Writes, head: AuditHead, draft: AuditDraft): AuditHead {
  const { event, head: next } = chainEvent(head, draft);
  tx.create(firestore().collection(COL.audit).doc(auditDocId(draft.entity, event.seq)), { ...event });
  return next;
}
