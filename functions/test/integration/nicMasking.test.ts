import { storedBasketFields } from '../../src/domain/jobBasket/basket';
import { FIELD_POLICY } from '../../src/domain/policy/table';
import { COL, firestore } from '../../src/data/db';
import { apiCase } from '../support/apiCases';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const listCasesHandler = handlerOf('listCases');
const getCaseHandler = handlerOf('getCase');

/** The NIC reaches only the roles the field policy names; everyone else reads it masked (last 3 characters). */
const NIC = '197101259365';

beforeAll(async () => {
  await seedOrganisation();
  const base = apiCase('NIC-1', 'NEGOTIATION');
  const c = { ...base, customerKey: `nic_${NIC}`, customer: { ...base.customer, nic: NIC } };
  await firestore()
    .collection(COL.cases)
    .doc(c.id)
    .set({ ...c, ...storedBasketFields(c) });
});

describe('NIC masking in getCase and listCases', () => {
  it('getCase: the officer, the supervisor and the assigned RO read the NIC; DRC admin, auditor and admin read it masked', async () => {
    expect(FIELD_POLICY[0]!.fullRoles).toEqual(['recovery_officer', 'supervisor', 'ro', 'mediation_board']);
    for (const user of ['officer', 'supervisor', 'ro1']) {
      const { case: c } = await getCaseHandler(asUser(user, { caseId: 'NIC-1' }));
      expect([user, c.customer.nic, c.customerKey]).toEqual([user, NIC, `nic_${NIC}`]);
    }
    for (const user of ['drc1', 'auditor', 'admin']) {
      const { case: c } = await getCaseHandler(asUser(user, { caseId: 'NIC-1' }));
      expect([user, c.customer.nic, c.customerKey]).toEqual([user, '•••••••••365', 'nic_•••••••••365']);
      expect(JSON.stringify(c)).not.toContain(NIC);
    }
  });

  it('listCases: the DRC admin and the auditor page through cases without the NIC; the RO sees it', async () => {
    for (const user of ['drc1', 'auditor']) {
      const out = await listCasesHandler(asUser(user, { tab: 'active', limit: 50 }));
      const row = out.cases.find((c) => c.id === 'NIC-1');
      expect(row).toBeDefined();
      expect(JSON.stringify(out)).not.toContain(NIC);
    }
    const mine = await listCasesHandler(asUser('ro1', { tab: 'active', limit: 50 }));
    expect(mine.cases.find((c) => c.id === 'NIC-1')?.customer.nic).toBe(NIC);
  });
});
