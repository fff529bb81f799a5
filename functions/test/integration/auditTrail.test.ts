import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { csvCell } from '../../src/csv';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const submitRequestHandler = handlerOf('submitRequest');
const readAuditTrailHandler = handlerOf('readAuditTrail');
const verifyAuditTrailHandler = handlerOf('verifyAuditTrail');

beforeAll(async () => {
  await seedOrganisation();
  for (const account of ['0088800001', '0088800002']) {
    const clientRequestId = randomUUID();
    await submitRequestHandler(
      asUser('officer', {
        type: 'registerCase',
        payload: { accountNumber: account, requiredAction: 'arrears' },
        clientRequestId,
      }),
    );
    await deliverRequestCreated(clientRequestId);
    const caseId = (await firestore().collection(COL.requests).doc(clientRequestId).get()).get('caseId') as string;
    await deliverCaseCreated(caseId);
  }
});
afterAll(cleanupTriggers);

describe('the audit trail', () => {
  it('verifies chains whose events were written interleaved with other entities’ (later events of an older case)', async () => {
    const db = firestore();
    const { appendAudit } = await import('../../src/data/audit');
    const { runTx } = await import('../../src/data/ops');
    const { EMPTY_HEAD } = await import('../../src/domain/audit/chain');
    const draft = (entity: string, n: number) => ({
      entity,
      at: `2026-11-23T00:00:0${n}.000Z`,
      actor: { uid: 'u', role: 'ro' as const, displayName: null },
      action: `a${n}`,
      summary: '',
      requestId: null,
      before: {},
      after: {},
      details: {},
      transitions: [],
    });
    let a = EMPTY_HEAD;
    let b = EMPTY_HEAD;
    await runTx(async (tx) => void (a = appendAudit(tx, a, draft('zz/a', 1))));
    await runTx(async (tx) => void (b = appendAudit(tx, b, draft('zz/b', 1))));
    await runTx(async (tx) => void (a = appendAudit(tx, a, draft('zz/a', 2))));
    const report = await verifyAuditTrailHandler(asUser('auditor'));
    expect(report.broken).toEqual([]);
    await db.collection(COL.audit).doc('zz~a~00000002').delete();
    await db.collection(COL.audit).doc('zz~a~00000001').delete();
    await db.collection(COL.audit).doc('zz~b~00000001').delete();
  });

  it('verifies intact, then reports the first broken link after tampering', async () => {
    // Two cases (registered, placed) and the one DRC both were placed with (its placement ledger: two events).
    expect(await verifyAuditTrailHandler(asUser('auditor'))).toEqual({ entities: 3, events: 6, broken: [] });
    const first = (await firestore().collection(COL.audit).orderBy('seq').limit(1).get()).docs[0]!;
    await first.ref.update({ summary: 'Registered nothing at all' });
    const report = await verifyAuditTrailHandler(asUser('auditor'));
    expect(report.broken).toEqual([
      { entity: first.get('entity'), seq: 1, reason: 'its content was changed after it was written' },
    ]);
  });

  it('shows auditors one entity’s chain and exports CSV that a spreadsheet cannot execute', async () => {
    const entity = (await firestore().collection(COL.audit).limit(1).get()).docs[0]!.get('entity') as string;
    const json = await readAuditTrailHandler(asUser('auditor', { entity }));
    expect(json.events?.map((e) => e.seq)).toEqual([1, 2]);
    const csv = await readAuditTrailHandler(asUser('auditor', { entity, format: 'csv' }));
    expect(csv.csv?.split('\n')[0]).toBe('at,entity,seq,actor,role,action,summary,requestId,before,after,hash');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    await expect(readAuditTrailHandler(asUser('ro1', {}))).rejects.toMatchObject({ code: 'permission-denied' });
  });
});
