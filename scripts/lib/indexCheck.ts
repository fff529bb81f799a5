import type { QueryShape } from '../../functions/src/data/queryShape';

/**
 * Whether Firestore can serve each recorded query from the indexes it builds on its own or from those in
 * firestore.indexes.json, following Firestore's documented index rules:
 * - every field has single-field indexes (ascending, descending, array-contains) at collection scope unless a
 *   field override says otherwise; a query that touches one field (plus the document id) uses one of them;
 * - several equality filters (`==`, `in`), optionally with a sort order, are served by merging one index per
 *   equality field that ends with that sort order (a single-field index when there is no sort);
 * - anything else needs one composite index: the equality and array-contains fields in any order, then the
 *   sort order (explicit orderBy, then inequality fields not sorted by, by name, in the last direction), then
 *   the document id in the last direction (implied when the index does not name it).
 * Pure: no Firebase, no files. See docs/decisions/0006-indexes.md and 0024-query-shapes-from-the-tests.md.
 */

export type Order = 'ASCENDING' | 'DESCENDING';
export type QueryScope = 'COLLECTION' | 'COLLECTION_GROUP';

export interface IndexField {
  fieldPath: string;
  order?: Order;
  arrayConfig?: 'CONTAINS';
}
export interface CompositeIndex {
  collectionGroup: string;
  queryScope: QueryScope;
  fields: IndexField[];
}
export interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  indexes: { order?: Order; arrayConfig?: 'CONTAINS'; queryScope: QueryScope }[];
}
export interface IndexSpec {
  indexes: CompositeIndex[];
  fieldOverrides?: FieldOverride[];
}

export type Verdict =
  | { served: true; by: 'single-field' | 'merge' | 'composite'; uses: number[] }
  | { served: false; reason: string; add: CompositeIndex | null };

const NAME = '__name__';

interface Plan {
  equality: string[];
  arrayContains: string | null;
  /** The sort Firestore applies, without the document id. */
  order: { field: string; direction: Order }[];
  /** Direction of the document id at the end of the sort. */
  nameDirection: Order;
}

/** The full sort order Firestore gives a query: explicit orderBy, then unsorted inequality fields, then the id. */
export function planOf(shape: QueryShape): Plan {
  const equality = new Set(shape.equality);
  const explicit = shape.orderBy.filter((o) => !equality.has(o.field));
  const last: Order = explicit.length > 0 ? explicit[explicit.length - 1]!.direction : 'ASCENDING';
  const order = explicit.filter((o) => o.field !== NAME);
  const sorted = new Set(order.map((o) => o.field));
  for (const field of [...shape.inequality].sort()) {
    if (field !== NAME && !sorted.has(field)) order.push({ field, direction: last });
  }
  const explicitName = explicit.find((o) => o.field === NAME);
  return {
    equality: [...equality].filter((f) => f !== NAME),
    arrayContains: shape.arrayContains,
    order,
    nameDirection: explicitName ? explicitName.direction : last,
  };
}

/** Whether Firestore keeps this single-field index mode, given the field overrides. */
export function singleFieldEnabled(
  spec: IndexSpec,
  collection: string,
  field: string,
  mode: Order | 'CONTAINS',
  scope: QueryScope,
): boolean {
  const override = (spec.fieldOverrides ?? []).find((o) => o.collectionGroup === collection && o.fieldPath === field);
  if (!override) return scope === 'COLLECTION';
  return override.indexes.some(
    (i) => i.queryScope === scope && (mode === 'CONTAINS' ? i.arrayConfig === 'CONTAINS' : i.order === mode),
  );
}

/** The index's fields without a trailing document id, and that id's direction (the last field's order if implied). */
function split(index: CompositeIndex): { fields: IndexField[]; nameDirection: Order } {
  const fields = [...index.fields];
  const tail = fields[fields.length - 1];
  if (tail?.fieldPath === NAME) {
    fields.pop();
    return { fields, nameDirection: tail.order ?? 'ASCENDING' };
  }
  let implied: Order = 'ASCENDING';
  for (const f of fields) if (f.order) implied = f.order;
  return { fields, nameDirection: implied };
}

/** Whether a composite index is exactly what a query with this prefix (any order) and sort needs. */
function fits(
  index: CompositeIndex,
  scope: QueryScope,
  collection: string,
  prefix: { equality: string[]; arrayContains: string | null },
  order: Plan['order'],
  nameDirection: Order,
): boolean {
  if (index.collectionGroup !== collection || index.queryScope !== scope) return false;
  const { fields, nameDirection: indexName } = split(index);
  if (indexName !== nameDirection) return false;
  const k = prefix.equality.length + (prefix.arrayContains ? 1 : 0);
  if (fields.length !== k + order.length) return false;
  const head = fields.slice(0, k);
  const wanted = new Set(prefix.equality);
  for (const f of head) {
    if (f.fieldPath === prefix.arrayContains && f.arrayConfig === 'CONTAINS') continue;
    if (!wanted.delete(f.fieldPath) || !f.order) return false;
  }
  if (wanted.size > 0 || head.length !== k) return false;
  return order.every((o, i) => fields[k + i]!.fieldPath === o.field && fields[k + i]!.order === o.direction);
}

/** The composite index to add for a query no existing index serves (the id is named only when not implied). */
export function indexFor(shape: QueryShape): CompositeIndex {
  const plan = planOf(shape);
  const fields: IndexField[] = [
    ...[...plan.equality].sort().map((fieldPath) => ({ fieldPath, order: 'ASCENDING' as Order })),
    ...(plan.arrayContains ? [{ fieldPath: plan.arrayContains, arrayConfig: 'CONTAINS' as const }] : []),
    ...plan.order.map((o) => ({ fieldPath: o.field, order: o.direction })),
  ];
  const index: CompositeIndex = {
    collectionGroup: shape.collection,
    queryScope: shape.group ? 'COLLECTION_GROUP' : 'COLLECTION',
    fields,
  };
  if (split(index).nameDirection !== plan.nameDirection) fields.push({ fieldPath: NAME, order: plan.nameDirection });
  return index;
}

export function checkQuery(shape: QueryShape, spec: IndexSpec): Verdict {
  if (shape.or) {
    return {
      served: false,
      reason: 'an OR query needs an index per disjunct; the recorded shape does not keep them apart: check it by hand',
      add: null,
    };
  }
  const scope: QueryScope = shape.group ? 'COLLECTION_GROUP' : 'COLLECTION';
  const plan = planOf(shape);
  const fields = new Set([...plan.equality, ...plan.order.map((o) => o.field)]);
  if (plan.arrayContains) fields.add(plan.arrayContains);

  // No field at all: the document-id order Firestore always keeps.
  if (fields.size === 0) return { served: true, by: 'single-field', uses: [] };

  // One field: its single-field index (ascending, descending or array-contains), which lists the documents of
  // one value by id in the index's direction.
  if (fields.size === 1) {
    const [field] = [...fields] as [string];
    let mode: Order | 'CONTAINS' | null;
    if (plan.arrayContains) mode = plan.order.length === 0 ? 'CONTAINS' : null;
    else if (plan.order.length === 0) mode = plan.nameDirection;
    else mode = plan.order[0]!.direction === plan.nameDirection ? plan.nameDirection : null;
    if (mode && singleFieldEnabled(spec, shape.collection, field, mode, scope)) {
      return { served: true, by: 'single-field', uses: [] };
    }
  }

  // One composite index holding the whole query.
  const whole = spec.indexes.findIndex((index) =>
    fits(index, scope, shape.collection, plan, plan.order, plan.nameDirection),
  );
  if (whole >= 0) return { served: true, by: 'composite', uses: [whole] };

  // Index merging: equality filters only (no inequality, no array-contains), each served by an index that is
  // that field followed by the query's sort.
  if (plan.arrayContains === null && shape.inequality.length === 0 && plan.equality.length >= 2) {
    const uses: number[] = [];
    const mergeable = plan.equality.every((field) => {
      if (plan.order.length === 0) return singleFieldEnabled(spec, shape.collection, field, plan.nameDirection, scope);
      const i = spec.indexes.findIndex((index) =>
        fits(
          index,
          scope,
          shape.collection,
          { equality: [field], arrayContains: null },
          plan.order,
          plan.nameDirection,
        ),
      );
      if (i >= 0) uses.push(i);
      return i >= 0;
    });
    if (mergeable) return { served: true, by: 'merge', uses };
  }

  return { served: false, reason: 'no index serves it', add: indexFor(shape) };
}

/** A short readable form of a query shape, for the report. */
export function describeShape(shape: QueryShape): string {
  const parts = [
    ...shape.equality.map((f) => `${f} ==`),
    ...(shape.arrayContains ? [`${shape.arrayContains} array-contains`] : []),
    ...shape.inequality.map((f) => `${f} <>`),
    ...shape.orderBy.map((o) => `orderBy ${o.field} ${o.direction === 'ASCENDING' ? 'asc' : 'desc'}`),
  ];
  return `${shape.group ? 'group ' : ''}${shape.collection}${shape.or ? ' (OR)' : ''}: ${parts.join(', ') || 'all'}`;
}

export interface IndexReport {
  results: { shape: QueryShape; verdict: Verdict }[];
  served: number;
  missing: number;
  /** Composite indexes in the spec that no recorded query uses (by position). */
  unused: number[];
}

export function checkIndexes(shapes: QueryShape[], spec: IndexSpec): IndexReport {
  const used = new Set<number>();
  const results = shapes.map((shape) => {
    const verdict = checkQuery(shape, spec);
    if (verdict.served) verdict.uses.forEach((i) => used.add(i));
    return { shape, verdict };
  });
  const served = results.filter((r) => r.verdict.served).length;
  return {
    results,
    served,
    missing: results.length - served,
    unused: spec.indexes.map((_, i) => i).filter((i) => !used.has(i)),
  };
}

/** One line per composite index, the way firestore.indexes.json reads. */
export function describeIndex(index: CompositeIndex): string {
  const fields = index.fields.map(
    (f) => `${f.fieldPath} ${f.arrayConfig ?? (f.order === 'DESCENDING' ? 'desc' : 'asc')}`,
  );
  return `${index.collectionGroup}${index.queryScope === 'COLLECTION_GROUP' ? ' (group)' : ''}: ${fields.join(', ')}`;
}

/** The report's lines: each missing index as JSON to paste into firestore.indexes.json, unused ones, the total. */
export function formatIndexReport(report: IndexReport, spec: IndexSpec): string[] {
  const lines: string[] = [];
  for (const { shape, verdict } of report.results) {
    if (verdict.served) continue;
    lines.push(`MISSING ${describeShape(shape)}: ${verdict.reason}`);
    if (verdict.add) lines.push(`  add to firestore.indexes.json "indexes": ${JSON.stringify(verdict.add)}`);
  }
  const toAdd = [
    ...new Map(
      report.results
        .flatMap(({ verdict }) => (verdict.served || !verdict.add ? [] : [verdict.add]))
        .map((ix) => [JSON.stringify(ix), ix]),
    ).values(),
  ];
  if (toAdd.length > 0) {
    lines.push(`all ${toAdd.length} to add, once each (append to "indexes" in firestore.indexes.json):`);
    lines.push(...JSON.stringify(toAdd, null, 2).slice(2, -2).split('\n'));
  }
  for (const i of report.unused) lines.push(`unused by any recorded query: ${describeIndex(spec.indexes[i]!)}`);
  lines.push(`${report.results.length} queries, ${report.served} served, ${report.missing} missing`);
  return lines;
}
