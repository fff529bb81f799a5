import type {
  AggregateSpec,
  AggregateSpecData,
  DocumentReference,
  DocumentSnapshot,
  Query,
  QueryDocumentSnapshot,
  QuerySnapshot,
  Transaction,
} from 'firebase-admin/firestore';
import { firestore } from './db';
import { recordQuery } from './queryShape';

/**
 * Counts Firestore operations as Firestore bills them (a query reads at least one document).
 * Benchmarks report operations per unit of work from these counts: what Firestore bills and what its latency follows
 * (docs/performance.md). Every query also has its shape recorded when the tests ask for it, so a query no index
 * serves fails the index check instead of production (docs/decisions/0024-query-shapes-from-the-tests.md).
 */
export const opCount = { reads: 0, writes: 0 };

export function resetOpCount(): void {
  opCount.reads = 0;
  opCount.writes = 0;
}

export async function readDoc(ref: DocumentReference): Promise<DocumentSnapshot> {
  opCount.reads += 1;
  return ref.get();
}

export async function readQuery(query: Query): Promise<QuerySnapshot> {
  recordQuery(query);
  const snap = await query.get();
  opCount.reads += Math.max(1, snap.size);
  return snap;
}

/** A transaction whose reads and writes are counted. Reads must come before writes, as in Firestore. */
export class Tx {
  constructor(private readonly tx: Transaction) {}

  async get(ref: DocumentReference): Promise<DocumentSnapshot> {
    opCount.reads += 1;
    return this.tx.get(ref);
  }

  async query(query: Query): Promise<QuerySnapshot> {
    recordQuery(query);
    const snap = await this.tx.get(query);
    opCount.reads += Math.max(1, snap.size);
    return snap;
  }

  create(ref: DocumentReference, data: Record<string, unknown>): this {
    opCount.writes += 1;
    this.tx.create(ref, data);
    return this;
  }

  set(ref: DocumentReference, data: Record<string, unknown>): this {
    opCount.writes += 1;
    this.tx.set(ref, data);
    return this;
  }

  update(ref: DocumentReference, data: Record<string, unknown>): this {
    opCount.writes += 1;
    this.tx.update(ref, data);
    return this;
  }

  delete(ref: DocumentReference): this {
    opCount.writes += 1;
    this.tx.delete(ref);
    return this;
  }
}

export function runTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return firestore().runTransaction((t) => fn(new Tx(t)));
}

/**
 * A count() aggregation, counted as Firestore bills it: one read per 1,000 index entries matched (at least one).
 * No documents are transferred, so a phase count costs the same however large the phase.
 */
export async function countQuery(query: Query): Promise<number> {
  recordQuery(query);
  const snap = await query.count().get();
  const n = snap.data().count;
  opCount.reads += Math.max(1, Math.ceil(n / 1000));
  return n;
}

/**
 * An aggregation (count, sum, average) in one query, counted as Firestore bills it: one read per 1,000 index
 * entries matched, at least one. `matched` says how many entries that was (usually the query's count()).
 */
export async function aggregateQuery<T extends AggregateSpec>(
  query: Query,
  spec: T,
  matched: (data: AggregateSpecData<T>) => number,
): Promise<AggregateSpecData<T>> {
  recordQuery(query);
  const data = (await query.aggregate(spec).get()).data();
  opCount.reads += Math.max(1, Math.ceil(matched(data) / 1000));
  return data;
}

/** Every document of a query as a stream (for whole-collection passes), each counted as one read. */
export async function* streamQuery(query: Query): AsyncGenerator<QueryDocumentSnapshot> {
  recordQuery(query);
  let any = false;
  for await (const raw of query.stream()) {
    any = true;
    opCount.reads += 1;
    // Query.stream() is typed as a plain readable stream; its items are query document snapshots.
    yield raw as unknown as QueryDocumentSnapshot;
  }
  if (!any) opCount.reads += 1;
}
