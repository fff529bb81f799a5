import type {
  AggregateSpec,
  AggregateSpecData,
  DocumentData,
  DocumentReference,
  DocumentSnapshot,
  Query,
  QueryDocumentSnapshot,
  QuerySnapshot,
  Timestamp,
  Transaction,
  UpdateData,
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

/**
 * Single-document writes outside a transaction or batch: for state that belongs to no other write (a sync
 * cursor, a retry mark, a document created once). Counted like every other write.
 */
export async function createDoc(ref: DocumentReference, data: DocumentData): Promise<void> {
  opCount.writes += 1;
  await ref.create(data);
}

export async function setDoc(ref: DocumentReference, data: DocumentData): Promise<void> {
  opCount.writes += 1;
  await ref.set(data);
}

export async function updateDoc(ref: DocumentReference, data: UpdateData<DocumentData>): Promise<void> {
  opCount.writes += 1;
  await ref.update(data);
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

/** The writes of a transaction: code that only writes can write into a transaction or a `CountedBatch`. */
export interface Writes {
  create(ref: DocumentReference, data: Record<string, unknown>): unknown;
  set(ref: DocumentReference, data: Record<string, unknown>): unknown;
  update(ref: DocumentReference, data: Record<string, unknown>): unknown;
  delete(ref: DocumentReference): unknown;
}

/** A snapshot's document holds fields the write would not keep: an update cannot stand in for its `set`. */
export class NotGuardable extends Error {}

/**
 * A write batch counted as everything else is: its writes count once the commit succeeds (a commit refused by a
 * precondition or by a `create` of an existing document writes nothing).
 *
 * Given a snapshot, it changes that document only if it is still as the snapshot read it (an update-time
 * precondition), so a document read by a query can be written without reading it again in a transaction. Its
 * `set` of that document becomes an `update` (only updates and deletes take preconditions), refused with
 * `NotGuardable` before anything is sent when the stored document has a field the new data lacks.
 */
export class CountedBatch implements Writes {
  private readonly batch = firestore().batch();
  private ops = 0;
  private readonly guard: { path: string; readAt: Timestamp; stored: string[] } | null = null;

  constructor(seen?: DocumentSnapshot) {
    if (!seen) return;
    if (!seen.exists || !seen.updateTime) throw new NotGuardable(`${seen.ref.path} was not read`);
    this.guard = { path: seen.ref.path, readAt: seen.updateTime, stored: Object.keys(seen.data() ?? {}) };
  }

  private preconditionFor(ref: DocumentReference): { lastUpdateTime: Timestamp } | null {
    return this.guard && ref.path === this.guard.path ? { lastUpdateTime: this.guard.readAt } : null;
  }

  create(ref: DocumentReference, data: Record<string, unknown>): this {
    this.ops += 1;
    this.batch.create(ref, data);
    return this;
  }

  set(ref: DocumentReference, data: Record<string, unknown>): this {
    if (!this.guard || !this.preconditionFor(ref)) {
      this.ops += 1;
      this.batch.set(ref, data);
      return this;
    }
    const dropped = this.guard.stored.filter((name) => !(name in data));
    if (dropped.length > 0) throw new NotGuardable(`${ref.path}: the write drops ${dropped.join(', ')}`);
    return this.update(ref, data);
  }

  update(ref: DocumentReference, data: Record<string, unknown>): this {
    this.ops += 1;
    const precondition = this.preconditionFor(ref);
    if (precondition) this.batch.update(ref, data, precondition);
    else this.batch.update(ref, data);
    return this;
  }

  delete(ref: DocumentReference): this {
    this.ops += 1;
    const precondition = this.preconditionFor(ref);
    if (precondition) this.batch.delete(ref, precondition);
    else this.batch.delete(ref);
    return this;
  }

  async commit(): Promise<void> {
    await this.batch.commit();
    opCount.writes += this.ops;
  }
}

/** Firestore's FAILED_PRECONDITION (a document changed since it was read) or ALREADY_EXISTS (a `create` lost). */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 9 || code === 6 || code === 'failed-precondition' || code === 'already-exists';
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
