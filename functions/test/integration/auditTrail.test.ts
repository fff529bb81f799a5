import { randomUUID } from 'node:crypto';
import { readAuditTrailHandler, verifyAuditTrailHandler } from '../../src/callables/auditTrail';
import { submitRequestHandler } from '../../src/callables/submitRequest';
import { COL, firestore } from '../../src/data/db';
import { csvCell } from '../../src/services/auditTrail';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';

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
  it('verifies intact, then reports the first broken link after tampering', async () => {
    expect(await verifyAuditTrailHandler(asUser('auditor'))).toEqual({ entities: 2, events: 4, broken: [] });
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
