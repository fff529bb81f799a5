import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Query } from 'firebase-admin/firestore';

/**
 * What decides which index serves a query: its collection (or collection group), the fields it filters by
 * equality (`==`, `in`, `== null`), the array field it tests with `array-contains(-any)`, the fields it filters
 * by inequality (`<`, `<=`, `>`, `>=`, `!=`, `not-in`), and its explicit sort order. Values, limits and
 * cursors do not matter to the index, so they are not kept.
 */
export interface QueryShape {
  collection: string;
  /** A collection-group query (every `collection` at any depth), served by COLLECTION_GROUP indexes only. */
  group: boolean;
  /** Sorted, without duplicates. */
  equality: string[];
  arrayContains: string | null;
  /** Sorted, without duplicates. */
  inequality: string[];
  orderBy: { field: string; direction: 'ASCENDING' | 'DESCENDING' }[];
  /** Filters joined by OR: Firestore serves each disjunct with its own index; recorded so the check can say so. */
  or?: true;
}

interface ProtoFilter {
  fieldFilter?: { field: { fieldPath: string }; op: string };
  unaryFilter?: { field: { fieldPath: string }; op: string };
  compositeFilter?: { op: string; filters: ProtoFilter[] };
}
interface ProtoQuery {
  structuredQuery: {
    from: { collectionId?: string; allDescendants?: boolean }[];
    where?: ProtoFilter;
    orderBy?: { field: { fieldPath: string }; direction: 'ASCENDING' | 'DESCENDING' }[];
  };
}

/**
 * The one place that reads the Admin SDK's internals: `Query.toProto()` is marked internal, but what it
 * returns is Firestore's public wire format (a RunQueryRequest's StructuredQuery), exactly what the server
 * plans the query from, including the flipped order of a `limitToLast` query. Reading it rather than the
 * private `_queryOptions` keeps us on the documented format; if an SDK upgrade removes the method, the
 * recording fails loudly in the tests, never in production (it only runs when DEBTX_RECORD_QUERIES is set).
 */
function structuredQueryOf(query: Query): ProtoQuery['structuredQuery'] {
  const withProto = query as unknown as { toProto(): ProtoQuery };
  if (typeof withProto.toProto !== 'function') {
    throw new Error('this firebase-admin has no Query.toProto(): update functions/src/data/queryShape.ts');
  }
  return withProto.toProto().structuredQuery;
}

const EQUALITY = new Set(['EQUAL', 'IN', 'IS_NULL', 'IS_NAN']);
const ARRAY = new Set(['ARRAY_CONTAINS', 'ARRAY_CONTAINS_ANY']);

/** The index-relevant shape of a query as Firestore receives it. */
export function shapeOf(query: Query): QueryShape {
  const sq = structuredQueryOf(query);
  const from = sq.from[0] ?? {};
  const equality = new Set<string>();
  const inequality = new Set<string>();
  let arrayContains: string | null = null;
  let or = false;
  const visit = (f: ProtoFilter): void => {
    if (f.compositeFilter) {
      if (f.compositeFilter.op === 'OR') or = true;
      f.compositeFilter.filters.forEach(visit);
      return;
    }
    const leaf = f.fieldFilter ?? f.unaryFilter;
    if (!leaf) return;
    const field = leaf.field.fieldPath;
    if (EQUALITY.has(leaf.op)) equality.add(field);
    else if (ARRAY.has(leaf.op)) arrayContains = field;
    else inequality.add(field);
  };
  if (sq.where) visit(sq.where);
  const shape: QueryShape = {
    collection: from.collectionId ?? '',
    group: from.allDescendants === true,
    equality: [...equality].sort(),
    arrayContains,
    inequality: [...inequality].sort(),
    orderBy: (sq.orderBy ?? []).map((o) => ({ field: o.field.fieldPath, direction: o.direction ?? 'ASCENDING' })),
  };
  if (or) shape.or = true;
  return shape;
}

const seen = new Set<string>();

/**
 * Records the shape of a query about to run, when DEBTX_RECORD_QUERIES names a folder (the test suite sets it;
 * production never does). Each process appends its new shapes to its own file, so parallel jest workers never
 * write the same file; the suite's teardown merges them (docs/decisions/0024-query-shapes-from-the-tests.md).
 */
export function recordQuery(query: Query): void {
  const dir = process.env.DEBTX_RECORD_QUERIES;
  if (!dir) return;
  const line = JSON.stringify(shapeOf(query));
  if (seen.has(line)) return;
  seen.add(line);
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `shapes-${process.pid}.jsonl`), `${line}\n`);
}

/** The file the merged shapes of one recorded run are written to, in the recording folder. */
export const RECORDED_QUERIES_FILE = 'queries.json';

/**
 * Merges every process's recorded shapes into one sorted, deduplicated `queries.json` in the folder and
 * returns how many there are. Run once, after every jest worker has finished.
 */
export function mergeRecordedShapes(dir: string): number {
  const lines = new Set<string>();
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (!/^shapes-\d+\.jsonl$/.test(name)) continue;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) if (line.trim()) lines.add(line.trim());
  }
  const shapes = [...lines].sort().map((line) => JSON.parse(line) as QueryShape);
  writeFileSync(join(dir, RECORDED_QUERIES_FILE), `${JSON.stringify(shapes, null, 2)}\n`);
  return shapes.length;
}
