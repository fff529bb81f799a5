import { randomUUID } from 'node:crypto';
import { clearCaseTypeCache, loadCaseType, seedShippedCaseTypes } from '../../src/data/caseTypes';
import { COL, firestore } from '../../src/data/db';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseState } from '../../src/domain/model/case';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const submitRequestHandler = handlerOf('submitRequest');
const listCaseTypesHandler = handlerOf('listCaseTypes');
const saveCaseTypeHandler = handlerOf('saveCaseType');

beforeAll(async () => {
  await seedOrganisation();
  await seedShippedCaseTypes();
});
afterAll(cleanupTriggers);

async function register(account: string): Promise<CaseState> {
  const clientRequestId = randomUUID();
  await submitRequestHandler(
    asUser('officer', {
      type: 'registerCase',
      payload: { accountNumber: account, requiredAction: 'arrears' },
      clientRequestId,
    }),
  );
  await deliverRequestCreated(clientRequestId);
  const req = await firestore().collection(COL.requests).doc(clientRequestId).get();
  return (await firestore().collection(COL.cases).doc(req.get('caseId')).get()).data() as CaseState;
}

describe('case types stored in Firestore', () => {
  it('lists every shipped case type with a diagram drawn from it', async () => {
    const { caseTypes } = await listCaseTypesHandler(asUser('admin'));
    const debtx = caseTypes.find((c) => c.id === 'debtx_telco')!;
    expect(debtx.latest).toBe(true);
    expect(debtx.mermaid).toContain('OPEN --> DRC_ASSIGNED');
    await expect(listCaseTypesHandler(asUser('ro1'))).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('refuses a bad configuration with every problem, writing nothing', async () => {
    const before = (await firestore().collection(COL.caseTypes).get()).size;
    const bad = {
      ...debtxTelco,
      version: 2,
      transitions: [
        ...debtxTelco.transitions,
        { from: 'CLOSED_RECOVERED', to: 'NOWHERE', mode: 'manual', roles: ['admin'] },
      ],
    };
    await expect(saveCaseTypeHandler(asUser('admin', { config: bad }))).rejects.toMatchObject({
      code: 'invalid-argument',
      details: {
        problems: expect.arrayContaining([
          expect.stringContaining('goes to unknown status NOWHERE'),
          expect.stringContaining('leaves final status CLOSED_RECOVERED'),
        ]),
      },
    });
    await expect(saveCaseTypeHandler(asUser('admin', { config: { ...debtxTelco, version: 5 } }))).rejects.toMatchObject(
      { code: 'failed-precondition' },
    );
    await expect(
      saveCaseTypeHandler(asUser('supervisor', { config: { ...debtxTelco, version: 2 } })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await firestore().collection(COL.caseTypes).get()).size).toBe(before);
  });

  it('starts new cases on a new version while running cases keep theirs', async () => {
    const old = await register('0066600001');
    expect(old.configVersion).toBe(1);
    const v2 = { ...debtxTelco, version: 2, settings: { ...debtxTelco.settings, validityDays: 90 } };
    expect(await saveCaseTypeHandler(asUser('admin', { config: v2 }))).toEqual({ id: 'debtx_telco', version: 2 });
    clearCaseTypeCache();
    const fresh = await register('0066600002');
    expect(fresh.configVersion).toBe(2);
    expect((await loadCaseType('debtx_telco', 1))?.settings.validityDays).toBe(60);
    const audit = await firestore().collection(COL.audit).where('entity', '==', 'caseTypes/debtx_telco@2').get();
    expect(audit.size).toBe(1);
  });

  it('refuses to run a stored configuration that has been corrupted', async () => {
    await firestore()
      .collection(COL.caseTypes)
      .doc('debtx_telco@9')
      .set({ ...debtxTelco, version: 9, statuses: [] });
    clearCaseTypeCache();
    await expect(loadCaseType('debtx_telco', 9)).rejects.toThrow(/caseTypes\/debtx_telco@9 is invalid/);
  });
});
