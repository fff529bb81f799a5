import type { Approval, CaseState, RoRequest } from '../model/case';

/**
 * The listing copies of a case's RO requests and approvals (`roRequests/{id}`, `approvals/{id}`): the case
 * holds the truth; these carry what a list filters on (who, which DRC, which state) and are rewritten in the
 * same transaction whenever the case's entry changes. Pure, so which documents a change writes is testable.
 */
export interface RoRequestDoc extends RoRequest {
  caseId: string;
  accountNumber: string;
  customerName: string;
  /** The RO who made the request (they list their own); the case's RO may change later. */
  roId: string;
  /** The case's RO now: an RO lists and reads only entries of cases still theirs (docs/decisions/0026). */
  caseRoId: string | null;
  drcId: string | null;
  /** The case's status when the entry was last written; pending entries are rewritten when it changes. */
  caseStatus: string;
  /** The case is closed: a pending entry there will never be decided and lists should leave it out. */
  caseClosed: boolean;
  updatedAt: string;
}

export interface ApprovalDoc extends Approval {
  caseId: string;
  accountNumber: string;
  customerName: string;
  drcId: string | null;
  roId: string | null;
  caseStatus: string;
  caseClosed: boolean;
  updatedAt: string;
}

/**
 * Entries whose mirror must be (re)written: new or changed ones; pending ones when the case's status changed
 * (so a list of pending work never shows a case as it no longer is); and every one when the case's DRC or RO
 * changed, because the mirror's drcId and RO decide who may read it, customer name included.
 */
function changed<T extends { id: string; state: string }>(
  before: CaseState | null,
  after: CaseState,
  pick: (c: CaseState) => T[] | undefined,
): T[] {
  const old = new Map((before ? (pick(before) ?? []) : []).map((x) => [x.id, JSON.stringify(x)]));
  const moved = !before || before.drcId !== after.drcId || before.roId !== after.roId;
  const restated = !before || before.status !== after.status;
  return (pick(after) ?? []).filter(
    (x) => old.get(x.id) !== JSON.stringify(x) || moved || (restated && x.state === 'pending'),
  );
}

export function roRequestDocs(before: CaseState | null, after: CaseState): RoRequestDoc[] {
  return changed(before, after, (c) => c.roRequests).map((r) => ({
    ...r,
    caseId: after.id,
    accountNumber: after.accountNumber,
    customerName: after.customer.name,
    roId: r.requestedBy,
    caseRoId: after.roId,
    drcId: after.drcId,
    caseStatus: after.status,
    caseClosed: after.closedAt !== null,
    updatedAt: after.updatedAt,
  }));
}

export function approvalDocs(before: CaseState | null, after: CaseState): ApprovalDoc[] {
  return changed(before, after, (c) => c.approvals).map((a) => ({
    ...a,
    caseId: after.id,
    accountNumber: after.accountNumber,
    customerName: after.customer.name,
    drcId: after.drcId,
    roId: after.roId,
    caseStatus: after.status,
    caseClosed: after.closedAt !== null,
    updatedAt: after.updatedAt,
  }));
}
