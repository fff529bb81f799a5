import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldPath, Filter } from 'firebase-admin/firestore';
import { firestore } from '../../src/data/db';
import { mergeRecordedShapes, recordQuery, RECORDED_QUERIES_FILE, shapeOf } from '../../src/data/queryShape';

/** No server is contacted: a query's shape comes from the query object the Admin SDK builds. */
describe('query shapes as Firestore receives them', () => {
  const cases = () => firestore().collection('cases');

  it('sorts equality and inequality fields, keeps the explicit order with its directions', () => {
    const q = cases()
      .where('roId', '==', 'u1')
      .where('basketActive', '==', true)
      .where('basketPromiseDueOn', '<=', '2026-01-01')
      .orderBy('updatedAt', 'desc')
      .orderBy(FieldPath.documentId(), 'desc')
      .limit(26);
    expect(shapeOf(q)).toEqual({
      collection: 'cases',
      group: false,
      equality: ['basketActive', 'roId'],
      arrayContains: null,
      inequality: ['basketPromiseDueOn'],
      orderBy: [
        { field: 'updatedAt', direction: 'DESCENDING' },
        { field: '__name__', direction: 'DESCENDING' },
      ],
    });
  });

  it('counts in and == null as equality, != and not-in as inequality, array-contains apart', () => {
    const q = cases()
      .where('requiredAction', 'in', ['cpe', 'arrears_cpe'])
      .where('closedAt', '==', null)
      .where('status', '!=', 'OPEN')
      .where('drcId', 'not-in', ['d1'])
      .where('searchTerms', 'array-contains', 'abc');
    expect(shapeOf(q)).toMatchObject({
      equality: ['closedAt', 'requiredAction'],
      inequality: ['drcId', 'status'],
      arrayContains: 'searchTerms',
    });
  });

  it('marks a query with OR filters, whose disjuncts need their own indexes', () => {
    const q = cases().where(Filter.or(Filter.where('roId', '==', 'a'), Filter.where('drcId', '==', 'b')));
    expect(shapeOf(q)).toMatchObject({ equality: ['drcId', 'roId'], or: true });
    expect(shapeOf(cases().where('roId', '==', 'a')).or).toBeUndefined();
  });

  it('records the flipped order Firestore is sent for limitToLast, and collection-group scope', () => {
    expect(shapeOf(cases().orderBy('seq', 'desc').limitToLast(5)).orderBy).toEqual([
      { field: 'seq', direction: 'ASCENDING' },
    ]);
    expect(shapeOf(firestore().collectionGroup('items').where('a', '==', 1))).toMatchObject({
      collection: 'items',
      group: true,
    });
  });

  it('appends each new shape once per process and merges all processes into one sorted file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'debtx-shapes-'));
    const before = process.env.DEBTX_RECORD_QUERIES;
    process.env.DEBTX_RECORD_QUERIES = dir;
    try {
      recordQuery(cases().where('roId', '==', 'a'));
      recordQuery(cases().where('roId', '==', 'b'));
      recordQuery(cases().where('drcId', '==', 'a'));
    } finally {
      if (before === undefined) delete process.env.DEBTX_RECORD_QUERIES;
      else process.env.DEBTX_RECORD_QUERIES = before;
    }
    recordQuery(cases().where('status', '==', 'x')); // not recording: nothing written
    expect(mergeRecordedShapes(dir)).toBe(2);
    const merged = JSON.parse(readFileSync(join(dir, RECORDED_QUERIES_FILE), 'utf8')) as { equality: string[] }[];
    expect(merged.map((s) => s.equality)).toEqual([['drcId'], ['roId']]);
  });
});
