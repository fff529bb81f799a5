import { randomUUID } from 'node:crypto';
import { getCaseHandler } from '../../src/callables/getCase';
import { submitRequestHandler } from '../../src/callables/submitRequest';
import { getRequestHandler } from '../../src/callables/getRequest';
import { COL, firestore } from '../../src/data/db';
import type { CaseState } from '../../src/domain/model/case';
import { asUser, seedOrganisation } from '../support/fixtures';
import { cleanupTriggers, deliverCaseCreated, deliverRequestCreated } from '../support/triggers';

/** Issue 3 §6: an open bankruptcy holds the customer's collection cases and blocks new ones; closing it releases them. */
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
