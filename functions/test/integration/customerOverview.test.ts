import type { CallableRequest } from 'firebase-functions/v2/https';
import type { ContactChange } from '../../src/domain/model/case';
import { apiCase, putCases } from '../support/apiCases';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const customerOverviewHandler = handlerOf('customerOverview');

/**
 * Customer 360: the customer's other cases, cut to what the caller may see, and the same
 * refusal for a case outside the caller's scope as for one that does not exist.
 */
const KEY = 'nic_198512345678';
const change = (field: ContactChange['field'], to: string, at: string, by: string): ContactChange => ({
  field,
  from: null,
  to,
  reason: 'Found in the field',
  at,
  by,
  requestId: `req-${field}-${at}`,
});

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    // One customer, five cases in different hands.
    apiCase('K1', 'NEGOTIATION', {
      customerKey: KEY,
      openedAt: '2026-10-05T00:00:00.000Z',
      contactHistory: [change('altPhone', '+94771234567', '2026-10-20T00:00:00.000Z', 'demo-ro1')],
    }),
    apiCase('K2', 'CLOSED_RECOVERED', {
      customerKey: KEY,
      openedAt: '2026-06-01T00:00:00.000Z',
      closedAt: '2026-08-01T00:00:00.000Z',
    }),
    apiCase('K3', 'SETTLEMENT', {
      customerKey: KEY,
      roId: 'demo-ro2',
      openedAt: '2026-09-01T00:00:00.000Z',
      contactHistory: [change('email', 'new@example.lk', '2026-10-25T00:00:00.000Z', 'demo-ro2')],
    }),
    apiCase('K4', 'MEDIATION_BOARD', {
      customerKey: KEY,
      drcId: 'drc2',
      roId: 'demo-ro3',
      openedAt: '2026-07-01T00:00:00.000Z',
    }),
    apiCase('K5', 'NEGOTIATION', {
      customerKey: KEY,
      requiredAction: 'arrears',
      cpe: [],
      openedAt: '2026-10-01T00:00:00.000Z',
    }),
    // Another customer of the same RO: never part of K1's overview.
    apiCase('Z1', 'NEGOTIATION', { customerKey: 'nic_200011112222' }),
  ]);
});

const overview = (user: string, caseId: string) => customerOverviewHandler(asUser(user, { caseId }));
const others = async (user: string, caseId: string) => (await overview(user, caseId)).otherCases.map((c) => c.caseId);
const refusal = (user: string, caseId: string) =>
  overview(user, caseId).then(
    () => {
      throw new Error(`${user} was shown ${caseId}`);
    },
    (e: Error & { code: string }) => e,
  );

describe('who sees which of the customer’s cases', () => {
  it('shows an officer every other case of the customer, newest first, with names and labels', async () => {
    const out = await overview('officer', 'K1');
    expect(out.otherCases.map((c) => c.caseId)).toEqual(['K5', 'K3', 'K4', 'K2']);
    const k4 = out.otherCases.find((c) => c.caseId === 'K4')!;
    expect(k4).toMatchObject({
      status: 'MEDIATION_BOARD',
      statusLabel: 'Mediation board',
      statusLabels: { si: 'සමථ මණ්ඩලය', ta: 'மத்தியஸ்த சபை' },
      drcName: 'Southern Credit Solutions',
      roName: 'Ravindu Jayasinghe',
      closed: false,
    });
    expect(out.otherCases.find((c) => c.caseId === 'K2')!.closed).toBe(true);
  });

  it('shows an RO only their own cases of that customer', async () => {
    expect(await others('ro1', 'K1')).toEqual(['K5', 'K2']);
    expect(await others('ro2', 'K3')).toEqual([]);
  });

  it('shows a DRC admin only their DRC’s cases of that customer', async () => {
    expect(await others('drc1', 'K1')).toEqual(['K5', 'K3', 'K2']);
    expect(await others('drc2', 'K4')).toEqual([]);
  });

  it('shows the RCMP desk only the customer’s cases that collect CPE', async () => {
    expect(await others('rcmp', 'K1')).toEqual(['K3', 'K4', 'K2']);
  });

  it('merges the contact history of the cases shown, and only of those', async () => {
    const officer = await overview('officer', 'K1');
    expect(officer.contactHistory.map((h) => [h.caseId, h.field, h.byName])).toEqual([
      ['K3', 'email', 'Rukshani Silva'],
      ['K1', 'altPhone', 'Roshan Perera'],
    ]);
    const ro = await overview('ro1', 'K1');
    expect(ro.contactHistory.map((h) => h.caseId)).toEqual(['K1']);
    expect(JSON.stringify(ro)).not.toContain('new@example.lk');
  });

  it('gives this account’s products and the contact details, never the identity number', async () => {
    const out = await overview('ro1', 'K1');
    expect(out.products.length).toBeGreaterThan(0);
    expect(out.products.every((p) => p.productId.startsWith('0041234567-'))).toBe(true);
    expect(out.customer.phone).toMatch(/^\+94/);
    expect(out.customer).not.toHaveProperty('nic');
    expect(JSON.stringify(out)).not.toContain('198512345678');
  });
});

describe('refusals', () => {
  it('refuses a case outside the scope exactly as a case that does not exist', async () => {
    const cases: [string, string][] = [
      ['ro2', 'K1'],
      ['drc2', 'K1'],
      ['ro1', 'K4'],
      ['rcmp', 'K5'],
      ['board', 'K1'],
    ];
    const missing = await refusal('ro2', 'NOPE1');
    expect(missing.code).toBe('not-found');
    for (const [user, caseId] of cases) {
      const foreign = await refusal(user, caseId);
      expect(foreign.code).toBe('not-found');
      expect(foreign.message.replace(caseId, 'ID')).toBe(missing.message.replace('NOPE1', 'ID'));
      expect(JSON.stringify(foreign).replace(caseId, 'ID')).not.toMatch(/K[1-5]|drc|Negotiation|Southern/);
    }
  });

  it('refuses an unknown case to an officer too', async () => {
    await expect(overview('officer', 'NOPE2')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses a stranger with no DebtX role, and an anonymous caller', async () => {
    const stranger = {
      auth: { uid: 'stranger', token: { email: 'someone@example.lk' }, rawToken: 'test' },
      data: { caseId: 'K1' },
    } as unknown as Pick<CallableRequest, 'auth' | 'data'>;
    await expect(customerOverviewHandler(stranger)).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(customerOverviewHandler({ auth: undefined, data: { caseId: 'K1' } })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('refuses bad input with the field and reason', async () => {
    await expect(customerOverviewHandler(asUser('officer', {}))).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { caseId: 'is required' } },
    });
    await expect(customerOverviewHandler(asUser('officer', { caseId: 'a/b' }))).rejects.toMatchObject({
      details: { fields: { caseId: 'is not a case id' } },
    });
    await expect(customerOverviewHandler(asUser('officer', { caseId: 'K1', more: 1 }))).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });
});
