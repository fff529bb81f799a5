import type { DocumentData } from 'firebase-admin/firestore';
import { z } from 'zod';
import { firestore } from '../../data/db';
import { listScope } from '../../services/caseAccess';
import { DEFAULT_PAGE, keysetPage } from '../../services/keysetPage';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';

/**
 * RO requests (board letters, validity extensions and the other configured kinds) live on the case; every write
 * mirrors each one into `roRequests/{requestId}` (domain/requests/mirrors.ts, services/caseAudit.ts), so a list
 * of open requests is one indexed query. Open = still waiting for a decision on a case that is not closed.
 */
export const RO_REQUESTS_COLLECTION = 'roRequests';
export const ACTIVE_RO_REQUEST_STATE = 'pending';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function viewOf(id: string, d: DocumentData): z.infer<typeof contracts.roRequestView> {
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

export const listActiveRoRequests = implement(contracts.listActiveRoRequests, async (actor, input) => {
  const scope = listScope(actor, input);
  let query = firestore()
    .collection(RO_REQUESTS_COLLECTION)
    .where('state', '==', ACTIVE_RO_REQUEST_STATE)
    .where('caseClosed', '==', false);
  if (scope.drcId) query = query.where('drcId', '==', scope.drcId);
  if (scope.roId) query = query.where('roId', '==', scope.roId);
  // An RO's own requests on cases still theirs: the mirror follows the case's DRC and RO (mirrors.ts), so a
  // moved RO, or one whose case was taken away, no longer lists its customer.
  if (actor.role === 'ro') query = query.where('caseRoId', '==', actor.uid);
  const { docs, nextCursor } = await keysetPage(query, 'requestedAt', input.limit ?? DEFAULT_PAGE, input.cursor);
  return { items: docs.map((d) => viewOf(d.id, d.data())), nextCursor };
});
