import type { DocumentData } from 'firebase-admin/firestore';
import type { z } from 'zod';
import type { roRequestView } from '../domain/contracts/field';
import type { Actor } from '../domain/model/roles';
import { COL, firestore } from '../data/db';
import type { ListScope } from './caseAccess';
import { DEFAULT_PAGE, keysetPage } from './keysetPage';

type RoRequestView = z.infer<typeof roRequestView>;

/**
 * RO requests (board letters, validity extensions and the other configured kinds) live on the case; every write
 * mirrors each one into `roRequests/{requestId}` (domain/requests/mirrors.ts, services/caseAudit.ts), so a list
 * of open requests is one indexed query. Open = still waiting for a decision on a case that is not closed.
 */
export const ACTIVE_RO_REQUEST_STATE = 'pending';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function viewOf(id: string, d: DocumentData): RoRequestView {
  return {
    id,
    caseId: str(d.caseId) ?? '',
    accountNumber: str(d.accountNumber),
    customerName: str(d.customerName),
    kind: str(d.kind) ?? 'request',
    state: str(d.state) ?? ACTIVE_RO_REQUEST_STATE,
    days: typeof d.days === 'number' ? d.days : null,
    roId: str(d.roId),
    drcId: str(d.drcId),
    caseStatus: str(d.caseStatus),
    requestedAt: str(d.requestedAt) ?? '',
    reason: str(d.reason),
  };
}

/** The open RO requests in a list scope, newest first: one indexed query over the mirrors. */
export async function activeRoRequestPage(
  actor: Actor,
  scope: ListScope,
  page: { limit?: number | null; cursor?: string | null },
): Promise<{ items: RoRequestView[]; nextCursor: string | null }> {
  let query = firestore()
    .collection(COL.roRequests)
    .where('state', '==', ACTIVE_RO_REQUEST_STATE)
    .where('caseClosed', '==', false);
  if (scope.drcId) query = query.where('drcId', '==', scope.drcId);
  if (scope.roId) query = query.where('roId', '==', scope.roId);
  // An RO's own requests on cases still theirs: the mirror follows the case's DRC and RO (mirrors.ts), so a
  // moved RO, or one whose case was taken away, no longer lists its customer.
  if (actor.role === 'ro') query = query.where('caseRoId', '==', actor.uid);
  const { docs, nextCursor } = await keysetPage(query, 'requestedAt', page.limit ?? DEFAULT_PAGE, page.cursor);
  return { items: docs.map((d) => viewOf(d.id, d.data())), nextCursor };
}
