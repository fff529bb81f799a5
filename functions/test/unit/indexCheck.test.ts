import type { QueryShape } from '../../src/data/queryShape';
import {
  checkIndexes,
  checkQuery,
  formatIndexReport,
  indexFor,
  type CompositeIndex,
  type IndexSpec,
} from '../../../scripts/lib/indexCheck';

const q = (over: Partial<QueryShape>): QueryShape => ({
  collection: 'cases',
  group: false,
  equality: [],
  arrayContains: null,
  inequality: [],
  orderBy: [],
  ...over,
});
const asc = (field: string) => ({ field, direction: 'ASCENDING' as const });
const desc = (field: string) => ({ field, direction: 'DESCENDING' as const });
const idx = (fields: [string, 'asc' | 'desc' | 'contains'][], collectionGroup = 'cases'): CompositeIndex => ({
  collectionGroup,
  queryScope: 'COLLECTION',
  fields: fields.map(([fieldPath, mode]) =>
    mode === 'contains'
      ? { fieldPath, arrayConfig: 'CONTAINS' }
      : { fieldPath, order: mode === 'asc' ? 'ASCENDING' : 'DESCENDING' },
  ),
});
const none: IndexSpec = { indexes: [] };

describe('index check: queries Firestore serves without a composite index', () => {
  it('serves one equality, one range or one sort from the single-field index', () => {
    expect(checkQuery(q({ equality: ['roId'] }), none)).toMatchObject({ served: true, by: 'single-field' });
    expect(checkQuery(q({ inequality: ['dueAt'], orderBy: [asc('dueAt')] }), none)).toMatchObject({
      served: true,
      by: 'single-field',
    });
    expect(checkQuery(q({ orderBy: [desc('updatedAt')] }), none)).toMatchObject({ served: true });
    expect(checkQuery(q({ arrayContains: 'searchTerms' }), none)).toMatchObject({ served: true });
    expect(checkQuery(q({}), none)).toMatchObject({ served: true });
  });

  it('serves an equality ordered by document id in either direction (ascending or descending single-field index)', () => {
    expect(checkQuery(q({ equality: ['uid'], orderBy: [desc('__name__')] }), none)).toMatchObject({ served: true });
  });

  it('does not serve a single-field query whose field override drops that index', () => {
    const spec: IndexSpec = {
      indexes: [],
      fieldOverrides: [
        { collectionGroup: 'cases', fieldPath: 'notes', indexes: [{ order: 'ASCENDING', queryScope: 'COLLECTION' }] },
      ],
    };
    expect(checkQuery(q({ equality: ['notes'] }), spec)).toMatchObject({ served: true });
    expect(checkQuery(q({ orderBy: [desc('notes')] }), spec)).toMatchObject({ served: false });
  });

  it('needs a field override to serve a collection-group query (single-field indexes are per collection by default)', () => {
    expect(checkQuery(q({ group: true, equality: ['entity'] }), none)).toMatchObject({ served: false });
    const spec: IndexSpec = {
      indexes: [],
      fieldOverrides: [
        {
          collectionGroup: 'cases',
          fieldPath: 'entity',
          indexes: [{ order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' }],
        },
      ],
    };
    expect(checkQuery(q({ group: true, equality: ['entity'] }), spec)).toMatchObject({ served: true });
  });

  it('serves several equality filters by merging single-field indexes', () => {
    expect(checkQuery(q({ equality: ['role', 'drcId'] }), none)).toMatchObject({ served: true, by: 'merge' });
  });

  it('serves equalities with a sort by merging indexes that each end with that sort', () => {
    const spec: IndexSpec = {
      indexes: [
        idx([
          ['drcId', 'asc'],
          ['updatedAt', 'desc'],
        ]),
        idx([
          ['status', 'asc'],
          ['updatedAt', 'desc'],
        ]),
      ],
    };
    expect(checkQuery(q({ equality: ['drcId', 'status'], orderBy: [desc('updatedAt')] }), spec)).toEqual({
      served: true,
      by: 'merge',
      uses: [0, 1],
    });
    expect(checkQuery(q({ equality: ['drcId', 'roId'], orderBy: [desc('updatedAt')] }), spec)).toMatchObject({
      served: false,
    });
  });

  it('does not merge when there is an inequality or an array-contains', () => {
    expect(checkQuery(q({ equality: ['a', 'b'], inequality: ['c'] }), none)).toMatchObject({ served: false });
    expect(checkQuery(q({ equality: ['a'], arrayContains: 'tags' }), none)).toMatchObject({ served: false });
  });
});

describe('index check: composite indexes', () => {
  const spec: IndexSpec = {
    indexes: [
      idx([
        ['status', 'asc'],
        ['updatedAt', 'desc'],
        ['__name__', 'desc'],
      ]),
      idx([
        ['roId', 'asc'],
        ['status', 'asc'],
        ['searchTerms', 'contains'],
        ['updatedAt', 'desc'],
      ]),
      idx(
        [
          ['entity', 'asc'],
          ['seq', 'desc'],
        ],
        'audit',
      ),
    ],
  };

  it('serves equality then sort from the matching composite, equality fields in any order', () => {
    expect(checkQuery(q({ equality: ['status'], orderBy: [desc('updatedAt'), desc('__name__')] }), spec)).toEqual({
      served: true,
      by: 'composite',
      uses: [0],
    });
    expect(
      checkQuery(q({ equality: ['status', 'roId'], arrayContains: 'searchTerms', orderBy: [desc('updatedAt')] }), spec),
    ).toEqual({ served: true, by: 'composite', uses: [1] });
  });

  it('takes the document id as implied in the direction of the last field when the index does not name it', () => {
    expect(checkQuery(q({ collection: 'audit', equality: ['entity'], orderBy: [desc('seq')] }), spec)).toMatchObject({
      served: true,
      uses: [2],
    });
    expect(
      checkQuery(q({ collection: 'audit', equality: ['entity'], orderBy: [desc('seq'), asc('__name__')] }), spec),
    ).toMatchObject({ served: false });
  });

  it('refuses a composite whose sort direction differs from the query', () => {
    const v = checkQuery(q({ equality: ['status'], orderBy: [asc('updatedAt')] }), spec);
    expect(v).toMatchObject({ served: false });
    expect(v.served ? null : v.add).toEqual(
      idx([
        ['status', 'asc'],
        ['updatedAt', 'asc'],
      ]),
    );
  });

  it('needs array-contains as CONTAINS in the index, not as an order', () => {
    const asOrder: IndexSpec = {
      indexes: [
        idx([
          ['searchTerms', 'asc'],
          ['updatedAt', 'desc'],
        ]),
      ],
    };
    const shape = q({ arrayContains: 'searchTerms', orderBy: [desc('updatedAt')] });
    expect(checkQuery(shape, asOrder)).toMatchObject({ served: false });
    expect(indexFor(shape)).toEqual(
      idx([
        ['searchTerms', 'contains'],
        ['updatedAt', 'desc'],
      ]),
    );
  });

  it('orders an unsorted inequality field after the explicit sort, and sorts several by name', () => {
    const shape = q({ equality: ['roId'], inequality: ['closedAt'] });
    expect(indexFor(shape)).toEqual(
      idx([
        ['roId', 'asc'],
        ['closedAt', 'asc'],
      ]),
    );
    expect(indexFor(q({ inequality: ['b', 'a'], orderBy: [desc('c')] })).fields.map((f) => f.fieldPath)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  it('does not use an index of another collection or of collection-group scope for a collection query', () => {
    const other: IndexSpec = {
      indexes: [
        {
          ...idx([
            ['status', 'asc'],
            ['updatedAt', 'desc'],
          ]),
          collectionGroup: 'requests',
        },
        {
          ...idx([
            ['status', 'asc'],
            ['updatedAt', 'desc'],
          ]),
          queryScope: 'COLLECTION_GROUP',
        },
      ],
    };
    expect(checkQuery(q({ equality: ['status'], orderBy: [desc('updatedAt')] }), other)).toMatchObject({
      served: false,
    });
  });

  it('does not judge OR queries it cannot split', () => {
    expect(checkQuery(q({ equality: ['a', 'b'], or: true }), none)).toMatchObject({ served: false, add: null });
  });
});

describe('index check: the report', () => {
  it('counts served and missing, names the index to add as JSON, and lists indexes no query uses', () => {
    const spec: IndexSpec = {
      indexes: [
        idx([
          ['status', 'asc'],
          ['updatedAt', 'desc'],
        ]),
        idx([
          ['kind', 'asc'],
          ['at', 'asc'],
        ]),
      ],
    };
    const shapes = [
      q({ equality: ['status'], orderBy: [desc('updatedAt')] }),
      q({ equality: ['roId'] }),
      q({ collection: 'requests', equality: ['state'], inequality: ['createdAt'] }),
    ];
    const report = checkIndexes(shapes, spec);
    expect(report).toMatchObject({ served: 2, missing: 1, unused: [1] });
    const lines = formatIndexReport(report, spec);
    expect(lines[lines.length - 1]).toBe('3 queries, 2 served, 1 missing');
    expect(lines).toContain(
      '  add to firestore.indexes.json "indexes": ' +
        '{"collectionGroup":"requests","queryScope":"COLLECTION","fields":[{"fieldPath":"state","order":"ASCENDING"},{"fieldPath":"createdAt","order":"ASCENDING"}]}',
    );
    expect(lines).toContain('unused by any recorded query: cases: kind asc, at asc');
    expect(lines).toContain('all 1 to add, once each (append to "indexes" in firestore.indexes.json):');
    expect(lines).toContain('    "collectionGroup": "requests",');
  });
});
