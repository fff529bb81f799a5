import { COL, firestore } from '../../src/data/db';
import { opCount, resetOpCount } from '../../src/data/ops';
import { demoSource } from '../../src/sources/demoSource';
import {
  driveImport,
  importErrorsCsv,
  importIdOf,
  importRowResults,
  readImport,
  runImportChunk,
  startImport,
  type ImportDeps,
} from '../../src/services/bulkImport';
import { seedOrganisation } from '../support/fixtures';

/**
 * Bulk-import rows registered without request documents: what a registered row costs in Firestore operations,
 * a row run again after a crash (its registration id is its idempotency), and the uploader checked once a chunk.
 * The per-row cost is measured as the difference between two single-chunk imports of different sizes, so the
 * job's and the chunk's bookkeeping (the same for both) drops out.
 */
jest.setTimeout(180_000);

const deps: ImportDeps = { source: demoSource, now: () => new Date().toISOString() };
const account = (n: number) => `0070${String(n).padStart(6, '0')}`;
const ACTIONS = ['arrears', 'cpe', 'arrears_cpe'];

function file(from: number, rows: number): Buffer {
  const lines = ['Account Number,Required Action'];
  for (let i = from; i < from + rows; i++) lines.push(`${account(i)},${ACTIONS[i % 3]}`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

async function importCost(bytes: Buffer, rows: number): Promise<{ reads: number; writes: number }> {
  const small: ImportDeps = { ...deps, chunkRows: 100 };
  resetOpCount();
  const started = await startImport(bytes, 'cost.csv', { uid: 'demo-officer' }, small);
  const done = await driveImport(started.importId, small);
  expect(done).toMatchObject({ state: 'DONE', registered: rows, rejected: 0 });
  return { reads: opCount.reads, writes: opCount.writes };
}

beforeAll(seedOrganisation);

describe('the Firestore cost of a registered import row', () => {
  it('is at most 2 reads and 3 writes beyond its chunk (no request document, no per-row result)', async () => {
    const few = await importCost(file(0, 10), 10);
    const many = await importCost(file(100, 40), 40);
    const reads = (many.reads - few.reads) / 30;
    const writes = (many.writes - few.writes) / 30;
    expect(reads).toBeLessThanOrEqual(2);
    expect(writes).toBeLessThanOrEqual(3);
    // The registration's own writes remain: the open-case key, the case and its audit event.
    expect(writes).toBe(3);
  });
});

describe('an uploader disabled during an import', () => {
  it('stops registering at the next chunk: its rows are refused with the reason and nothing is written for them', async () => {
    const bytes = file(200, 15);
    const importId = importIdOf(bytes);
    const small: ImportDeps = { ...deps, chunkRows: 5 };
    const users = firestore().collection(COL.users);
    const casesBefore = (await firestore().collection(COL.cases).count().get()).data().count;
    await startImport(bytes, 'disabled.csv', { uid: 'demo-officer' }, small);
    expect(await runImportChunk(importId, small)).toMatchObject({ registered: 5, state: 'RUNNING' });
    await users.doc('demo-officer').update({ active: false });
    try {
      expect(await driveImport(importId, small)).toMatchObject({ state: 'DONE', registered: 5, rejected: 10 });
    } finally {
      await users.doc('demo-officer').update({ active: true });
    }
    expect((await firestore().collection(COL.cases).count().get()).data().count).toBe(casesBefore + 5);
    const rows = await importRowResults(importId);
    expect(rows.map((r) => r.outcome)).toEqual([...Array(5).fill('registered'), ...Array(10).fill('rejected')]);
    const csv = (await importErrorsCsv(importId, (await readImport(importId))!)).trim().split('\n');
    expect(csv).toHaveLength(11);
    expect(csv[1]).toMatch(/^7,,User .* is disabled\.$/);
  });
});

describe('a chunk run again after a crash', () => {
  it('counts a row whose case was registered and closed meanwhile as registered, and makes no second case', async () => {
    const bytes = file(300, 4);
    const importId = importIdOf(bytes);
    const small: ImportDeps = { ...deps, chunkRows: 4 };
    const cases = firestore().collection(COL.cases);
    const casesBefore = (await cases.count().get()).data().count;
    await startImport(bytes, 'closed.csv', { uid: 'demo-officer' }, small);
    const crash = new Error('simulated crash');
    await expect(
      runImportChunk(importId, {
        ...small,
        beforeChunkCommit: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect((await cases.count().get()).data().count).toBe(casesBefore + 4);
    // Row 2's case is closed before the chunk runs again: closing frees its open-case key.
    const first = await cases.where('accountNumber', '==', account(300)).get();
    expect(first.size).toBe(1);
    const key = firestore()
      .collection(COL.openCases)
      .doc(first.docs[0]!.get('openKey') as string);
    const closedAt = new Date().toISOString();
    await first.docs[0]!.ref.update({ closedAt });
    await key.delete();

    const later = new Date(Date.now() + 6 * 60_000).toISOString();
    const resumed = await driveImport(importId, { ...small, now: () => later });
    expect(resumed).toMatchObject({ state: 'DONE', registered: 4, rejected: 0 });
    expect((await cases.count().get()).data().count).toBe(casesBefore + 4);
    // The closed case stays closed: the re-run neither made it again nor took its key.
    expect((await first.docs[0]!.ref.get()).get('closedAt')).toBe(closedAt);
    expect((await key.get()).exists).toBe(false);
    const rows = await importRowResults(importId);
    expect(rows.map((r) => r.caseId)).toEqual(
      await Promise.all(
        [300, 301, 302, 303].map(async (n) => (await cases.where('accountNumber', '==', account(n)).get()).docs[0]!.id),
      ),
    );
  });
});
