import type { QueryShape } from '../../functions/src/data/queryShape';

/**
 * The queries the web client runs itself, as Firestore listeners on the full stack
 * (web/src/data/FirestoreDataSource.ts): the newest cases in the caller's scope, and the caller's unread inbox.
 * No test runs them through data/ops.ts, so they are listed here; change this list with that file.
 */
const newestCases = (equality: string[]): QueryShape => ({
  collection: 'cases',
  group: false,
  equality,
  arrayContains: null,
  inequality: [],
  orderBy: [{ field: 'updatedAt', direction: 'DESCENDING' }],
});

export const WEB_QUERY_SHAPES: QueryShape[] = [
  newestCases([]),
  newestCases(['roId']),
  newestCases(['drcId']),
  newestCases(['requiredAction']),
  newestCases(['status']),
  {
    collection: 'inbox',
    group: false,
    equality: ['uid', 'unread'],
    arrayContains: null,
    inequality: [],
    orderBy: [{ field: 'createdAt', direction: 'DESCENDING' }],
  },
];
