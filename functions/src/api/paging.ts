import { FieldPath, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { readQuery } from '../data/ops';

export const DEFAULT_PAGE = 25;

function decodeCursor(cursor: string): [string, string] {
  const [key, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!key || !id)
    throw new HttpsError('invalid-argument', 'The page cursor is not valid.', { fields: { cursor: 'is not valid' } });
  return [key, id];
}

const encodeCursor = (key: string, id: string) => Buffer.from(`${key}|${id}`, 'utf8').toString('base64url');

/**
 * One page of `query` ordered by `field` (an ISO instant) descending, then document id. Keyset paging by a
 * range filter, as callables/listCases.ts does and docs/decisions/0004 explains (the offline emulator ignores
 * startAfter): a page reads its rows, one row to know whether more follow, and on later pages the cursor row.
 */
export async function keysetPage(
  query: Query,
  field: string,
  limit: number,
  cursor: string | null | undefined,
): Promise<{ docs: QueryDocumentSnapshot[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  let q = query.orderBy(field, 'desc').orderBy(FieldPath.documentId(), 'desc');
  if (after) q = q.where(field, '<=', after[0]);
  const fetchLimit = limit + 1 + (after ? 1 : 0);
  const snap = await readQuery(q.limit(fetchLimit));
  // Ties are ordered here too: the offline emulator ignores the documentId ordering.
  const rows = [...snap.docs].sort(
    (a, b) => String(b.get(field)).localeCompare(String(a.get(field))) || b.id.localeCompare(a.id),
  );
  const fresh = after ? rows.filter((d) => !(String(d.get(field)) === after[0] && d.id >= after[1])) : rows;
  const docs = fresh.slice(0, limit);
  const last = docs[docs.length - 1];
  const more = fresh.length > limit || snap.docs.length === fetchLimit;
  return { docs, nextCursor: more && last ? encodeCursor(String(last.get(field)), last.id) : null };
}
