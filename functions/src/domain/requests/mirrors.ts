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
  drcId: string | null;
  caseStatus: string;
  updatedAt: string;
}

export interface ApprovalDoc extends Approval {
  caseId: string;
  accountNumber: string;
  customerName: string;
  drcId: string | null;
  roId: string | null;
  updatedAt: string;
}

function changed<T extends { id: string }>(before: T[] | undefined, after: T[] | undefined): T[] {
  const old = new Map((before ?? []).map((x) => [x.id, JSON.stringify(x)]));
  return (after ?? []).filter((x) => old.get(x.id) !== JSON.stringify(x));
}

export function roRequestDocs(before: CaseState | null, after: CaseState): RoRequestDoc[] {
  return changed(before?.roRequests, after.roRequests).map((r) => ({
    ...r,
    caseId: after.id,
    accountNumber: after.accountNumber,
    customerName: after.customer.name,
    roId: r.requestedBy,
    drcId: after.drcId,
    caseStatus: after.status,
    updatedAt: after.updatedAt,
  }));
}

export function approvalDocs(before: CaseState | null, after: CaseState): ApprovalDoc[] {
  return changed(before?.approvals, after.approvals).map((a) => ({
    ...a,
    caseId: after.id,
    accountNumber: after.accountNumber,
    customerName: after.customer.name,
    drcId: after.drcId,
    roId: after.roId,
    updatedAt: after.updatedAt,
  }));
}
