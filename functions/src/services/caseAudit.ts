import { FieldValue } from 'firebase-admin/firestore';
import { slotMove } from '../domain/assignment/drcSlots';
import { diffFields, type AuditDraft } from '../domain/audit/chain';
import type { StatusChange } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import { derivedCaseFields, withoutDerivedFields } from '../domain/model/storedCase';
import type { Actor } from '../domain/model/roles';
import { approvalDocs, roRequestDocs } from '../domain/requests/mirrors';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import type { Writes } from '../data/ops';

/** The stored case minus what is derived from it (basket fields, phase flags...), as the audit diff sees it. */
function withoutDerived(c: CaseState | null): Record<string, unknown> | null {
  return c && withoutDerivedFields(c as unknown as Record<string, unknown>);
}

/** Writes the new case and its audit event together: the only way a case document changes. */
export function writeCaseWithAudit(
  tx: Writes,
  before: CaseState | null,
  after: CaseState,
  event: {
    actor: Actor;
    action: string;
    summary: string;
    requestId: string | null;
    details: Record<string, unknown>;
    transitions: StatusChange[];
    /**
     * The DRC whose slot this transaction took, through the placement checks (`takeDrcSlot`), for a write that
     * places the case with it. A write that moves the case to a DRC without it is a bug, refused here.
     */
    slotTaken?: string;
  },
): CaseState {
  const move = slotMove(before, after);
  if (move.take !== (event.slotTaken ?? null)) {
    throw new Error(
      `case ${after.id}: a write that places it with ${move.take ?? 'no DRC'} must take that DRC's slot through the placement checks (took ${event.slotTaken ?? 'none'})`,
    );
  }
  const diff = diffFields(withoutDerived(before), withoutDerived(after)!);
  const draft: AuditDraft = {
    entity: `cases/${after.id}`,
    at: after.updatedAt,
    actor: { uid: event.actor.uid, role: event.actor.role, displayName: event.actor.displayName ?? null },
    action: event.action,
    summary: event.summary,
    requestId: event.requestId,
    before: diff.before,
    after: diff.after,
    details: event.details,
    transitions: event.transitions,
  };
  // First write: a batch written from a snapshot (the monitor's) relies on this create refusing it whole.
  const head = appendAudit(tx, before?.audit ?? after.audit, draft);
  const written: CaseState = { ...after, audit: head };
  const ref = firestore().collection(COL.cases).doc(after.id);
  // The derived fields (basket tabs and counters, phase flags) are refreshed with every write, never audited.
  const stored = { ...withoutDerived(written), ...derivedCaseFields(written) };
  if (before) tx.set(ref, stored);
  else tx.create(ref, stored);
  // The RO requests and approvals live on the case (one transaction, one audit event); their mirrors,
  // written in the same transaction, are what lists query (per RO, per DRC, pending for a supervisor).
  for (const doc of roRequestDocs(before, written))
    tx.set(firestore().collection(COL.roRequests).doc(doc.id), { ...doc });
  for (const doc of approvalDocs(before, written))
    tx.set(firestore().collection(COL.approvals).doc(doc.id), { ...doc });
  // Closing frees the case's key (a new case of its kind may open).
  if (before && after.closedAt && !before.closedAt) tx.delete(firestore().collection(COL.openCases).doc(after.openKey));
  // Closing, a recall, a move away or a hook taking the placement back all give the slot back here, and only here.
  if (move.release)
    tx.update(firestore().collection(COL.drcs).doc(move.release), { openCases: FieldValue.increment(-1) });
  return written;
}
