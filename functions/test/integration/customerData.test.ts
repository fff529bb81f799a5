import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { demoSourceAccount } from '../../src/demo/sourceAccounts';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const exportCustomerDataHandler = handlerOf('exportCustomerData');
const submitRequestHandler = handlerOf('submitRequest');

beforeAll(async () => {
  await seedOrganisation();
  const clientRequestId = randomUUID();
  await submitRequestHandler(
    asUser('officer', {
      type: 'registerCase',
      payload: { accountNumber: '0044400001', requiredAction: 'arrears' },
      clientRequestId,
    }),
  );
  await deliverRequestCreated(clientRequestId);
});
afterAll(cleanupTriggers);

describe('data-subject export', () => {
  it('gives a supervisor the customer’s cases with their trails, and records that it did', async () => {
    const nic = demoSourceAccount('0044400001')!.customer.nic!;
    const out = await exportCustomerDataHandler(asUser('supervisor', { nic }));
    expect(out.cases).toHaveLength(1);
    expect(out.cases[0]!.trail.map((e) => e.action)).toEqual(['registerCase']);
    const access = await firestore().collection(COL.audit).where('entity', '==', `customers/nic_${nic}`).get();
    expect(access.docs.map((d) => d.get('action'))).toEqual(['exportCustomerData']);
  });

  it('refuses other roles, malformed keys and unknown customers', async () => {
    await expect(exportCustomerDataHandler(asUser('ro1', { accountNumber: '0044400001' }))).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(exportCustomerDataHandler(asUser('auditor', { nic: '123' }))).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(exportCustomerDataHandler(asUser('auditor', { accountNumber: '0011111111' }))).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
