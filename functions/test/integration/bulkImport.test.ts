import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { demoSource } from '../../src/sources/demoSource';
import {
  driveImport,
  importIdOf,
  importRowResults,
  readImport,
  runImportChunk,
  startImport,
  type ImportDeps,
} from '../../src/services/bulkImport';
import { IMPORTS, type ImportRowResult } from '../../src/services/bulkImportStore';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';

const submitRequestHandler = handlerOf('submitRequest');

/**
 * Bulk registration end to end on the emulator: a file with good and bad rows through the callables,
 * the error report, the same file again, and a crash in the middle of an import.
 */
jest.setTimeout(180_000);

const uploadImportHandler = handlerOf('uploadImport');
const importStatusHandler = handlerOf('importStatus');
const importErrorsCsvHandler = handlerOf('importErrorsCsv');
const resumeImportHandler = handlerOf('resumeImport');

const deps: ImportDeps = { source: demoSource, now: () => new Date().toISOString() };
/** Everything jest can fake but the clock. */
const TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const count = async (collection: string) => (await firestore().collection(collection).count().get()).data().count;

const rowsOf = (importId: string): Promise<ImportRowResult[]> => importRowResults(importId);

const account = (n: number) => `0050${String(n).padStart(6, '0')}`;

beforeAll(seedOrganisation);
afterAll(cleanupTriggers);

describe('a 50-row file with bad rows', () => {
  const preRegistered = account(999);
  // Rows 2..51: 44 register; 4 fail validation; 2 are refused at registration.
  const lines = ['Account Number,Required Action,Case Type'];
  for (let i = 0; i < 50; i++) {
    const row = i + 2;
    if (row === 7)
      lines.push('005000123,arrears,'); // 9 digits
    else if (row === 12) lines.push(`${account(i)},repossess,`);
    else if (row === 20) lines.push('=1+1,arrears,');
    else if (row === 25)
      lines.push(`${account(3)},arrears,`); // repeats row 5
    else if (row === 30)
      lines.push('9912345678,arrears,'); // unknown to BSS
    else if (row === 40)
      lines.push(`${preRegistered},arrears,`); // already has an open case
    else lines.push(`${account(i)},${['arrears', 'cpe', 'arrears_cpe'][i % 3]},`);
  }
  const csv = lines.join('\r\n') + '\r\n';
  const importId = importIdOf(Buffer.from(csv));
  let casesBefore = 0;
  let requestsAtStart = 0;

  beforeAll(async () => {
    const { requestId } = await submitRequestHandler(
      asUser('officer', {
        type: 'registerCase',
        payload: { accountNumber: preRegistered, requiredAction: 'arrears' },
        clientRequestId: randomUUID(),
      }),
    );
    await deliverRequestCreated(requestId);
    casesBefore = await count(COL.cases);
    requestsAtStart = await count(COL.requests);
  });

  it('registers the valid rows and rejects the others, finishing within the upload call', async () => {
    const result = await uploadImportHandler(asUser('officer', { fileName: 'cases.csv', contentBase64: b64(csv) }));
    expect(result).toMatchObject({
      importId,
      existing: false,
      state: 'DONE',
      total: 50,
      done: 50,
      registered: 44,
      rejected: 6,
      invalid: 4,
      duplicates: 1,
      errors: 4,
      kind: 'csv',
      createdBy: 'demo-officer',
    });
    expect(await count(COL.cases)).toBe(casesBefore + 44);

    const rows = await rowsOf(importId);
    expect(rows).toHaveLength(50);
    const registered = rows.filter((r) => r.outcome === 'registered');
    expect(registered).toHaveLength(44);
    const cases = await firestore().getAll(...registered.map((r) => firestore().collection(COL.cases).doc(r.caseId!)));
    expect(cases.every((c) => c.exists && c.get('createdBy') === 'demo-officer')).toBe(true);
    expect(cases.map((c) => c.get('accountNumber'))).toEqual(registered.map((r) => r.accountNumber));

    // Each registered row went through the single registration's checks and transaction, without a request
    // document: its case is registered by the uploader and audited under the row's registration id.
    const requestId = `${importId}_2`;
    expect(await count(COL.requests)).toBe(requestsAtStart);
    const audit = await firestore().collection(COL.audit).where('requestId', '==', requestId).get();
    expect(audit.docs.map((d) => d.get('action'))).toEqual(['registerCase']);
    expect(audit.docs[0]!.get('actor')).toMatchObject({ uid: 'demo-officer' });
    expect(audit.docs[0]!.get('entity')).toBe(`cases/${registered[0]!.caseId}`);
  });

  it('shows progress as rows done of total', async () => {
    const status = await importStatusHandler(asUser('supervisor', { importId }));
    expect(status).toMatchObject({ state: 'DONE', done: 50, total: 50, percent: 100, fileName: 'cases.csv' });
  });

  it('reports every rejected row as row, column and reason, in row order, as CSV', async () => {
    const report = await importErrorsCsvHandler(asUser('auditor', { importId }));
    expect(report.fileName).toBe('cases-errors.csv');
    const lines = report.csv.trim().split('\n');
    expect(lines[0]).toBe('row,column,reason');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '7,Account Number',
      '12,Required Action',
      '20,Account Number',
      '25,Account Number',
      '30,Account Number',
      '40,Account Number',
    ]);
    expect(lines[2]).toBe('12,Required Action,"must be one of arrears, cpe, arrears_cpe"');
    expect(lines[3]).toContain('looks like a spreadsheet formula');
    expect(lines[4]).toContain('repeats row 5');
    expect(lines[5]).toContain('Account 9912345678 is not known to the billing system');
    expect(lines[6]).toContain(`Account ${preRegistered} already has an open case`);
  });

  it('creates nothing when the same file is uploaded again, under any name', async () => {
    const requestsBefore = await count(COL.requests);
    const again = await uploadImportHandler(
      asUser('supervisor', { fileName: 'copy of cases.csv', contentBase64: b64(csv) }),
    );
    expect(again).toMatchObject({ importId, existing: true, state: 'DONE', registered: 44, rejected: 6 });
    expect(await count(COL.cases)).toBe(casesBefore + 44);
    expect(await count(COL.requests)).toBe(requestsBefore);
    expect(await rowsOf(importId)).toHaveLength(50);
  });
});

describe('a crash in the middle of an import', () => {
  const lines = ['account,action'];
  for (let i = 0; i < 30; i++) lines.push(`${account(1000 + i)},arrears`);
  lines.push('bad,arrears', `${account(1000)},arrears`);
  const bytes = Buffer.from(lines.join('\n'));
  const importId = importIdOf(bytes);
  const small: ImportDeps = { ...deps, chunkRows: 10 };

  it('resumes where it stopped and registers each row exactly once', async () => {
    const casesBefore = await count(COL.cases);
    const started = await startImport(bytes, 'crash.csv', { uid: 'demo-supervisor' }, small);
    expect(started).toMatchObject({ state: 'RUNNING', total: 32, done: 2, rejected: 2, registered: 0 });
    expect((await readImport(importId))?.chunks).toBe(3);

    const first = await runImportChunk(importId, small);
    expect(first).toMatchObject({ processed: 10, done: 12, registered: 10, state: 'RUNNING' });

    // The second chunk registers its rows, then the runner dies before recording them.
    const crash = new Error('simulated crash');
    await expect(
      runImportChunk(importId, {
        ...small,
        beforeChunkCommit: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await count(COL.cases)).toBe(casesBefore + 20);
    const stuck = await importStatusHandler(asUser('officer', { importId }));
    expect(stuck).toMatchObject({ state: 'RUNNING', done: 12, registered: 10, percent: 37 });

    // The dead runner's lease still holds the job: nobody else runs it until it expires.
    expect(await runImportChunk(importId, small)).toMatchObject({ busy: true, processed: 0 });

    // Six minutes later, as the deployed callable sees the clock: only Date moves, timers stay real.
    jest.useFakeTimers({ doNotFake: [...TIMERS], now: Date.now() + 6 * 60_000, advanceTimers: true });
    try {
      const resumed = await resumeImportHandler(asUser('officer', { importId }));
      expect(resumed).toMatchObject({ state: 'DONE', done: 32, registered: 30, rejected: 2, busy: false });
    } finally {
      jest.useRealTimers();
    }
    expect(await count(COL.cases)).toBe(casesBefore + 30);
    const rows = await rowsOf(importId);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 32 }, (_, i) => i + 2));
    // The crashed chunk's rows were registered once each: one registration audit event per row.
    const audited = await firestore()
      .collection(COL.audit)
      .where(
        'requestId',
        'in',
        rows.slice(10, 20).map((r) => `${importId}_${r.row}`),
      )
      .get();
    expect(audited.docs.map((d) => d.get('action'))).toEqual(Array(10).fill('registerCase'));
    const caseIds = rows.filter((r) => r.outcome === 'registered').map((r) => r.caseId);
    expect(new Set(caseIds).size).toBe(30);

    // Running it again, or uploading it again, changes nothing.
    expect(await driveImport(importId, small)).toMatchObject({ state: 'DONE', processed: 0 });
    expect(await startImport(bytes, 'crash.csv', { uid: 'demo-supervisor' }, small)).toMatchObject({ existing: true });
    expect(await count(COL.cases)).toBe(casesBefore + 30);
  });
});

describe('a crash while the file was being read', () => {
  it('stages the file again when it is uploaded again, keeping who uploaded it first', async () => {
    const text = `Account,Action\n${account(2000)},arrears\n${account(2001)},cpe\n`;
    const importId = importIdOf(Buffer.from(text));
    const past = new Date(Date.now() - 60 * 60_000).toISOString();
    // What a runner that died during staging leaves: the job in PARSING, its lease run out.
    await firestore()
      .collection(IMPORTS)
      .doc(importId)
      .set({ state: 'PARSING', createdBy: 'demo-officer', createdAt: past, lease: { owner: 'dead', until: past } });
    const result = await uploadImportHandler(asUser('supervisor', { fileName: 'again.csv', contentBase64: b64(text) }));
    expect(result).toMatchObject({
      importId,
      existing: false,
      state: 'DONE',
      registered: 2,
      createdBy: 'demo-officer',
    });
  });
});

describe('refusals', () => {
  it('lets only recovery officers and supervisors upload', async () => {
    await expect(
      uploadImportHandler(asUser('drc1', { fileName: 'x.csv', contentBase64: b64('account,action\n') })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(importStatusHandler(asUser('ro1', { importId: 'a'.repeat(64) }))).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });

  it('refuses a file that cannot be read with a specific error, writing nothing', async () => {
    const latin1 = Buffer.from('Account,Action\n0041234567,arr\xe9ars\n', 'latin1');
    const imports = await count(IMPORTS);
    await expect(
      uploadImportHandler(asUser('officer', { fileName: 'bad.csv', contentBase64: latin1.toString('base64') })),
    ).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('byte 29 (line 2) is 0xE9') });
    await expect(
      uploadImportHandler(asUser('officer', { fileName: 'cols.csv', contentBase64: b64('Account,Amount\n1,2\n') })),
    ).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('missing column') });
    await expect(
      uploadImportHandler(asUser('officer', { fileName: 'x.csv', contentBase64: 'not base64!' })),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await count(IMPORTS)).toBe(imports);
    await expect(importStatusHandler(asUser('officer', { importId: importIdOf(latin1) }))).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('refuses files over 10 MB before reading them', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41).toString('base64');
    await expect(
      uploadImportHandler(asUser('officer', { fileName: 'big.csv', contentBase64: big })),
    ).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('larger than 10 MB') });
  });
});
