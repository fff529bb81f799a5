import { FieldPath, type Query } from 'firebase-admin/firestore';
import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import type { ListCasesOutput } from '../api/contract';
import { REGION } from '../config';
import { searchKeyFor, type CaseState } from '../domain/model/case';
import { caseListScope } from '../domain/policy/caseScope';
import { DEFAULT_CASE_TYPE, latestCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { readQuery } from '../data/ops';
import { callerActor, parseInput } from './callerActor';

// Callable clients send absent optional fields as null; both mean "not given".
const input = z.strictObject({
  status: z
    .string()
    .regex(/^[A-Z_]{2,64}$/, 'is not a status code')
    .nullish(),
  search: z.string().trim().max(64).nullish(),
  limit: z.number().int().min(1).max(100).nullish(),
  cursor: z.string().max(300).nullish(),
});

/** Cursor = the last row's (updatedAt, id), so a page never re-reads what the one before returned. */
function decodeCursor(cursor: string): [string, string] {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!updatedAt || !id)
    throw new HttpsError('invalid-argument', 'The page cursor is not valid.', { fields: { cursor: 'is not valid' } });
  return [updatedAt, id];
}

export async function listCasesHandler(request: Pick<CallableRequest, 'auth' | 'data'>): Promise<ListCasesOutput> {
  const actor = callerActor(request);
  const parsed = parseInput(input, request.data);
  const status = parsed.status ?? undefined;
  const search = parsed.search ?? undefined;
  const cursor = parsed.cursor ?? undefined;
  const limit = parsed.limit ?? 25;
  const config = (await latestCaseType(DEFAULT_CASE_TYPE))!;
  const statuses = config.statuses.map(({ code, label, kind }) => ({ code, label, kind }));
  const scope = caseListScope(actor);
  if (scope === 'none') return { cases: [], nextCursor: null, statuses };

  let query: Query = firestore().collection(COL.cases);
  if (scope) {
    if ('value' in scope) query = query.where(scope.field, '==', scope.value);
    else if (scope.field === 'status' && status) {
      if (!scope.in.includes(status)) return { cases: [], nextCursor: null, statuses };
    } else query = query.where(scope.field, 'in', scope.in);
  }
  if (status) query = query.where('status', '==', status);
  const term = search ? searchKeyFor(search) : '';
  if (term) query = query.where('searchTerms', 'array-contains', term);
  query = query.orderBy('updatedAt', 'desc').orderBy(FieldPath.documentId(), 'desc');
  // Keyset paging by a range filter rather than startAfter(): it reads the same documents on Firestore,
  // and the offline emulator ignores cursors (docs/decisions/0004). Rows tied with the cursor's
  // updatedAt that were already shown are dropped here: usually just the cursor row itself.
  const after = cursor ? decodeCursor(cursor) : null;
  if (after) query = query.where('updatedAt', '<=', after[0]);
  const fetchLimit = limit + 1 + (after ? 1 : 0);
  const snap = await readQuery(query.limit(fetchLimit));
  // Ties are ordered here too: the offline emulator ignores the documentId ordering (docs/decisions/0004).
  const rows = [...snap.docs].sort(
    (a, b) => String(b.get('updatedAt')).localeCompare(String(a.get('updatedAt'))) || b.id.localeCompare(a.id),
  );
  const fresh = after ? rows.filter((d) => !(d.get('updatedAt') === after[0] && d.id >= after[1])) : rows;
  const docs = fresh.slice(0, limit);
  const last = docs[docs.length - 1];
  return {
    cases: docs.map((d) => d.data() as CaseState),
    nextCursor:
      (fresh.length > limit || snap.docs.length === fetchLimit) && last
        ? Buffer.from(`${last.get('updatedAt') as string}|${last.id}`, 'utf8').toString('base64url')
        : null,
    statuses,
  };
}

export const listCases = onCall({ region: REGION }, listCasesHandler);
