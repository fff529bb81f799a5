import type { DocumentData } from 'firebase-admin/firestore';
import { z } from 'zod';
import { firestore } from '../../data/db';
import { FIELD_ROLES, listScope } from '../access';
import { DEFAULT_PAGE, keysetPage } from '../paging';
import { defineOperation } from '../registry';
import { pageInput, pageOf, scopeInput } from '../schemas';

/**
 * RO requests (board letters, validity extensions and the other configured kinds) live on the case; every write
 * mirrors each one into `roRequests/{requestId}` (domain/requests/mirrors.ts, services/caseAudit.ts), so a list
 * of open requests is one indexed query. Open = still waiting for a decision on a case that is not closed.
 */
export const RO_REQUESTS_COLLECTION = 'roRequests';
export const ACTIVE_RO_REQUEST_STATE = 'pending';

const roRequestView = z.object({
  id: z.string(),
  caseId: z.string(),
  accountNumber: z.string().nullable(),
  customerName: z.string().nullable(),
  kind: z.string(),
  state: z.string(),
  days: z.number().nullable(),
  roId: z.string().nullable(),
  drcId: z.string().nullable(),
  caseStatus: z.string().nullable(),
  requestedAt: z.string(),
  reason: z.string().nullable(),
});

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function viewOf(id: string, d: DocumentData): z.infer<typeof roRequestView> {
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

export const listActiveRoRequests = defineOperation({
  name: 'listActiveRoRequests',
  summary: 'The RO’s open requests (validity extensions, mediation board letters...), newest first.',
  description: 'The field API’s List_Active_RO_Requests. A DRC admin sees their DRC’s, or one RO’s with roId.',
  tag: 'Requests',
  method: 'GET',
  path: '/ro-requests/active',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, ...pageInput }),
  output: pageOf(roRequestView),
  handler: async (actor, input) => {
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
  },
});
