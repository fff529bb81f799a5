import type { DocumentData } from 'firebase-admin/firestore';
import { z } from 'zod';
import { firestore } from '../../data/db';
import { FIELD_ROLES, listScope } from '../access';
import { DEFAULT_PAGE, keysetPage } from '../paging';
import { defineOperation } from '../registry';
import { pageInput, pageOf, scopeInput } from '../schemas';

/**
 * SEAM: RO requests (validity extension, mediation board letters...) are written by the field life cycle's
 * `roRequest` request type into this collection, one document per request with roId, drcId, caseId, kind,
 * state and createdAt. These names and the open states are read defensively; align them after the merge.
 */
export const RO_REQUESTS_COLLECTION = 'roRequests';
export const ACTIVE_RO_REQUEST_STATES = ['PENDING', 'OPEN', 'AWAITING_APPROVAL'];

const roRequestView = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  kind: z.string(),
  state: z.string(),
  roId: z.string().nullable(),
  drcId: z.string().nullable(),
  createdAt: z.string(),
  note: z.string().nullable(),
});

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function viewOf(id: string, d: DocumentData): z.infer<typeof roRequestView> {
  return {
    id,
    caseId: str(d.caseId),
    kind: str(d.kind) ?? str(d.requestKind) ?? 'request',
    state: str(d.state) ?? 'PENDING',
    roId: str(d.roId),
    drcId: str(d.drcId),
    createdAt: str(d.createdAt) ?? '',
    note: str(d.note) ?? str(d.reason) ?? null,
  };
}

export const listActiveRoRequests = defineOperation({
  name: 'listActiveRoRequests',
  summary: 'The RO’s open requests (validity extensions, mediation board letters...), newest first.',
  description: 'Seed 000 §6 List_Active_RO_Requests. A DRC admin sees their DRC’s, or one RO’s with roId.',
  tag: 'Requests',
  method: 'GET',
  path: '/ro-requests/active',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, ...pageInput }),
  output: pageOf(roRequestView),
  handler: async (actor, input) => {
    const scope = listScope(actor, input);
    let query = firestore().collection(RO_REQUESTS_COLLECTION).where('state', 'in', ACTIVE_RO_REQUEST_STATES);
    if (scope.drcId) query = query.where('drcId', '==', scope.drcId);
    if (scope.roId) query = query.where('roId', '==', scope.roId);
    const { docs, nextCursor } = await keysetPage(query, 'createdAt', input.limit ?? DEFAULT_PAGE, input.cursor);
    return { items: docs.map((d) => viewOf(d.id, d.data())), nextCursor };
  },
});
