import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import type { CaseState } from '../../src/domain/model/case';
import { clearCaseTypeCache } from '../../src/data/caseTypes';
import type { CaseTypeConfig } from '../../src/domain/lifecycle/types';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const getCaseHandler = handlerOf('getCase');
const submitRequestHandler = handlerOf('submitRequest');
const getRequestHandler = handlerOf('getRequest');
const saveCaseTypeHandler = handlerOf('saveCaseType');

/**
 * Cross-case holds: an open bankruptcy holds the customer's collection cases and blocks new ones; closing it releases
 * them.
 */
async function submit(user: string, body: { type: string; caseId?: string; payload: Record<string, unknown> }) {
  const { requestId } = await submitRequestHandler(asUser(user, { ...body, clientRequestId: randomUUID() }));
  await deliverRequestCreated(requestId);
  return getRequestHandler(asUser(user, { requestId }));
}
const read = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data() as CaseState;

beforeAll(seedOrganisation);
afterAll(cleanupTriggers);

describe('cross-case rules', () => {
  const account = '0099900001';
  let telco = '';
  let bankruptcy = '';

  it('a bankruptcy case holds the customer’s open telco case', async () => {
    const reg = await submit('officer', {
      type: 'registerCase',
      payload: { accountNumber: account, requiredAction: 'arrears' },
    });
    telco = reg.caseId!;
    await deliverCaseCreated(telco);
    const bk = await submit('officer', {
      type: 'registerCase',
      payload: {
        accountNumber: account,
        requiredAction: 'arrears',
        caseType: 'bankruptcy',
        fields: { debtorNameOnPetition: 'Test Debtor', dateFiled: '2026-11-01', bankruptcyCaseNumber: 'BK-2026-77' },
      },
    });
    expect(bk).toMatchObject({ state: 'APPLIED', error: null });
    bankruptcy = bk.caseId!;
    const held = await read(telco);
    expect(held.hold).toMatchObject({ byCaseId: bankruptcy });
    const trail = await firestore().collection(COL.audit).where('entity', '==', `cases/${telco}`).orderBy('seq').get();
    expect(trail.docs.at(-1)?.get('action')).toBe('crossCase:hold');
  });

  it('a held case refuses collection activity, and offers none', async () => {
    const c = await read(telco);
    const detail = await getCaseHandler(asUser(c.drcId!, { caseId: telco }));
    expect(detail.actions.map((a) => a.code)).not.toContain('assignRo');
    const refused = await submit(c.drcId!, {
      type: 'caseAction',
      caseId: telco,
      payload: { action: 'assignRo', result: 'assigned', inputs: { roId: detail.assignableRos[0]!.uid } },
    });
    expect(refused.error?.code).toBe('case-on-hold');
  });

  it('blocks a new early-collections case while the bankruptcy is open', async () => {
    const blocked = await submit('officer', {
      type: 'registerCase',
      payload: { accountNumber: account, requiredAction: 'arrears', caseType: 'early_collections' },
    });
    expect(blocked.error?.code).toBe('blocked-by-case');
    expect(blocked.error?.message).toContain(bankruptcy);
  });

  it('cancelling the bankruptcy releases the hold', async () => {
    const cancelled = await submit('officer', {
      type: 'caseAction',
      caseId: bankruptcy,
      payload: {
        action: 'cancelBankruptcy',
        result: 'cancelled',
        inputs: { reason: 'Petition withdrawn', cancellationReason: 'customer_solvent' },
      },
    });
    expect(cancelled).toMatchObject({ state: 'APPLIED' });
    expect((await read(bankruptcy)).closedAt).not.toBeNull();
    expect((await read(telco)).hold).toBeNull();
  });
});

describe('a hook that spawns a case', () => {
  it('opens a DebtX case on the same account when a case of the spawning type starts', async () => {
    const spawning: CaseTypeConfig = {
      id: 'spawn_lab',
      version: 1,
      name: 'Spawn lab',
      description: 'Opens a telco recovery case on entry.',
      readings: [],
      category: 'Test',
      level: 'account',
      settings: {},
      statuses: [
        {
          code: 'NEW',
          label: 'New',
          labels: { si: 'නව', ta: 'புதியது' },
          kind: 'initial',
          description: '',
          actors: ['recovery_officer'],
          hooks: { enterProcessing: [{ algorithm: 'spawnCase', params: { caseType: 'debtx_telco' } }] },
        },
        {
          code: 'DONE',
          label: 'Done',
          labels: { si: 'නිමයි', ta: 'முடிந்தது' },
          kind: 'final',
          description: '',
          actors: [],
        },
      ],
      transitions: [{ from: 'NEW', to: 'DONE', mode: 'manual', roles: ['recovery_officer'] }],
      actions: [],
    };
    await saveCaseTypeHandler(asUser('admin', { config: spawning }));
    clearCaseTypeCache();
    const account = '0099900777';
    const origin = await submit('officer', {
      type: 'registerCase',
      payload: { accountNumber: account, requiredAction: 'arrears', caseType: 'spawn_lab' },
    });
    expect(origin).toMatchObject({ state: 'APPLIED' });
    const onAccount = (await firestore().collection(COL.cases).where('accountNumber', '==', account).get()).docs.map(
      (d) => d.data() as CaseState,
    );
    expect(onAccount.map((c) => c.caseType).sort()).toEqual(['debtx_telco', 'spawn_lab']);
    const spawned = onAccount.find((c) => c.caseType === 'debtx_telco')!;
    const trail = await firestore().collection(COL.audit).where('entity', '==', `cases/${spawned.id}`).get();
    expect(trail.docs[0]?.get('summary')).toContain(origin.caseId);
  });
});
