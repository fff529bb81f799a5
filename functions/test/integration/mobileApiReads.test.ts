import { MOBILE_OPERATIONS as OPERATIONS } from '../../src/operations';
import { FIELD_ROLES } from '../../src/domain/policy/operationRoles';
import { COL, firestore } from '../../src/data/db';
import { apiCase, call, putCases } from '../support/apiCases';
import { seedOrganisation } from '../support/fixtures';

/**
 * The mobile API's reads through the callable handlers: every role boundary, paging,
 * counts, and that a caller outside the policy learns nothing about a case.
 */
const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T00:00:00.000Z`;

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    // drc1 / ro1: two negotiating, one settling, one not yet contacted, three before the board, one closed
    apiCase('N1', 'NEGOTIATION', { updatedAt: day(1) }),
    apiCase('N2', 'NEGOTIATION', { updatedAt: day(2) }),
    apiCase('S1', 'SETTLEMENT', { updatedAt: day(2) }),
    apiCase('R1', 'RO_ASSIGNED', { updatedAt: day(3) }),
    apiCase('B1', 'MEDIATION_BOARD', { updatedAt: day(4) }),
    apiCase('B2', 'MEDIATION_BOARD', { updatedAt: day(5), boardPhase: 'hearing_scheduled' }),
    apiCase('B3', 'MEDIATION_BOARD', { updatedAt: day(6), boardPhase: 'hearing_scheduled' }),
    apiCase('C1', 'CLOSED_RECOVERED', { updatedAt: day(7), closedAt: day(7) }),
    apiCase('A1', 'NEGOTIATION', { updatedAt: day(8), requiredAction: 'arrears', cpe: [] }),
    // drc1 / ro2
    apiCase('N3', 'NEGOTIATION', { roId: 'demo-ro2', updatedAt: day(9) }),
    apiCase('B4', 'MEDIATION_BOARD', { roId: 'demo-ro2', updatedAt: day(9) }),
    // drc2 / ro3
    apiCase('X1', 'NEGOTIATION', { drcId: 'drc2', roId: 'demo-ro3', updatedAt: day(10) }),
    apiCase('X2', 'MEDIATION_BOARD', { drcId: 'drc2', roId: 'demo-ro3', updatedAt: day(10) }),
  ]);
});

const ids = (page: { items: { id?: string; caseId?: string }[] }) => page.items.map((i) => i.id ?? i.caseId).sort();

describe('who may call', () => {
  it('answers UNAUTHENTICATED to an anonymous caller, for every operation', async () => {
    for (const op of OPERATIONS) {
      await expect(call(op.name, null, {})).rejects.toMatchObject({ code: 'unauthenticated' });
    }
  });

  it.each(['officer', 'supervisor', 'admin', 'auditor', 'rcmp', 'board'])(
    'refuses the field operations to a %s with PERMISSION_DENIED',
    async (user) => {
      for (const op of OPERATIONS.filter((o) => o.roles.every((r) => (FIELD_ROLES as readonly string[]).includes(r)))) {
        await expect(call(op.name, user, { caseId: 'N1' })).rejects.toMatchObject({ code: 'permission-denied' });
      }
    },
  );

  it('refuses an RO who names another RO or DRC, and a DRC admin who names another DRC', async () => {
    await expect(call('listDrcNegotiationCases', 'ro1', { roId: 'demo-ro2' })).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(call('listMediationBoardCases', 'ro1', { drcId: 'drc2' })).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(call('countNegotiationPhaseCases', 'drc1', { drcId: 'drc2' })).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });

  it('gives the same NOT_FOUND for a case outside the scope as for one that does not exist', async () => {
    const foreign = await call('caseDetailsForDrc', 'ro1', { caseId: 'X1' }).catch((e: Error & { code: string }) => e);
    const missing = await call('caseDetailsForDrc', 'ro1', { caseId: 'NOPE1' }).catch(
      (e: Error & { code: string }) => e,
    );
    expect(foreign).toMatchObject({ code: 'not-found' });
    expect(missing).toMatchObject({ code: 'not-found' });
    expect(foreign.message.replace('X1', 'ID')).toBe(missing.message.replace('NOPE1', 'ID'));
    expect(JSON.stringify(foreign)).not.toContain('drc2');
    // Another RO of the same DRC, and another DRC's admin, are outside too.
    await expect(call('caseDetailsForDrc', 'ro2', { caseId: 'N1' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(call('customerNegotiations', 'drc2', { caseId: 'N1' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(call('roCpeCollection', 'drc2', { caseId: 'N1' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('case details', () => {
  it('shows an RO their case with its revision and no identity number', async () => {
    const out = await call('caseDetailsForDrc', 'ro1', { caseId: 'N1' });
    expect(out).toMatchObject({ id: 'N1', status: 'NEGOTIATION', phase: 'negotiating', rev: 3, closed: false });
    expect(out.customer.name.length).toBeGreaterThan(0);
    expect(JSON.stringify(out)).not.toContain('nic');
    const drc = await call('caseDetailsForDrc', 'drc1', { caseId: 'N3' });
    expect(drc.roId).toBe('demo-ro2');
  });

  it('refuses bad input with the field and reason', async () => {
    await expect(call('caseDetailsForDrc', 'ro1', {})).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { caseId: 'is required' } },
    });
    await expect(call('caseDetailsForDrc', 'ro1', { caseId: 42 })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(call('caseDetailsForDrc', 'ro1', { caseId: 'a/b' })).rejects.toMatchObject({
      details: { fields: { caseId: 'is not a case id' } },
    });
    await expect(call('caseDetailsForDrc', 'ro1', { caseId: 'N1', extra: 1 })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });
});

describe('negotiation lists and counts', () => {
  it('lists an RO’s active negotiations only', async () => {
    const out = await call('listActiveCustomerNegotiations', 'ro1', {});
    expect(ids(out)).toEqual(['A1', 'N1', 'N2', 'S1']);
    expect(out.nextCursor).toBeNull();
  });

  it('lists a DRC’s negotiation cases, narrowed to one RO or one phase', async () => {
    expect(ids(await call('listDrcNegotiationCases', 'drc1', {}))).toEqual(['A1', 'N1', 'N2', 'N3', 'R1', 'S1']);
    expect(ids(await call('listDrcNegotiationCases', 'drc1', { roId: 'demo-ro2' }))).toEqual(['N3']);
    expect(ids(await call('listDrcNegotiationCases', 'drc1', { phase: 'not_contacted' }))).toEqual(['R1']);
    expect(ids(await call('listDrcNegotiationCases', 'drc2', {}))).toEqual(['X1']);
    await expect(call('listDrcNegotiationCases', 'drc1', { phase: 'bogus' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('pages with a cursor: every case once, newest change first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: { items: { id: string; updatedAt: string }[]; nextCursor: string | null } = await call(
        'listDrcNegotiationCases',
        'drc1',
        { limit: 2, cursor },
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen[0]).toBe('N3');
    await expect(call('listDrcNegotiationCases', 'drc1', { cursor: 'garbage' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(call('listDrcNegotiationCases', 'drc1', { limit: 0 })).rejects.toMatchObject({
      details: { fields: { limit: 'must be at least 1' } },
    });
    await expect(call('listDrcNegotiationCases', 'drc1', { limit: 1000 })).rejects.toMatchObject({
      details: { fields: { limit: 'must be at most 100' } },
    });
  });

  it('counts by phase with count() aggregations', async () => {
    expect(await call('countNegotiationPhaseCases', 'ro1', {})).toEqual({
      total: 5,
      byPhase: { not_contacted: 1, negotiating: 3, settlement: 1 },
    });
    expect(await call('countNegotiationPhaseCases', 'drc1', { roId: 'demo-ro2' })).toEqual({
      total: 1,
      byPhase: { not_contacted: 0, negotiating: 1, settlement: 0 },
    });
  });
});

describe('mediation board lists and counts', () => {
  it('lists board cases by RO or by DRC, and by recorded phase', async () => {
    expect(ids(await call('listMediationBoardCases', 'ro1', {}))).toEqual(['B1', 'B2', 'B3']);
    expect(ids(await call('listMediationBoardCases', 'drc1', {}))).toEqual(['B1', 'B2', 'B3', 'B4']);
    expect(ids(await call('listMediationBoardCases', 'drc1', { roId: 'demo-ro2' }))).toEqual(['B4']);
    expect(ids(await call('listMediationBoardCases', 'drc1', { phase: 'hearing_scheduled' }))).toEqual(['B2', 'B3']);
    const b1 = (await call('listMediationBoardCases', 'ro1', {})).items.find((c: { id: string }) => c.id === 'B1');
    expect(b1.phase).toBe('escalated');
  });

  it('counts board cases per phase; those from before the board record count as escalated', async () => {
    const out = await call('countMediationBoardPhaseCases', 'drc1', {});
    expect(out.total).toBe(4);
    expect(out.byPhase).toMatchObject({ escalated: 2, hearing_scheduled: 2, letter_requested: 0 });
  });
});

describe('CPE collection details', () => {
  it('lists the RO’s CPE cases with what is left to collect, or one case', async () => {
    const all = await call('roCpeCollection', 'ro1', {});
    expect(ids(all)).not.toContain('A1');
    expect(ids(all)).toContain('N1');
    const one = await call('roCpeCollection', 'ro1', { caseId: 'N1' });
    expect(one.items).toHaveLength(1);
    expect(one.items[0].items.length).toBe(one.items[0].toCollect);
    expect((await call('roCpeCollection', 'ro1', { caseId: 'A1' })).items).toEqual([]);
  });
});

describe('active RO requests', () => {
  beforeAll(async () => {
    const batch = firestore().batch();
    const put = (id: string, d: Record<string, unknown>) => batch.set(firestore().collection('roRequests').doc(id), d);
    // The shape services/caseAudit.ts mirrors from each case's roRequests (domain/requests/mirrors.ts).
    const mirror = (roId: string, drcId: string, caseId: string, kind: string, state: string, at: string) => ({
      id: caseId,
      kind,
      reason: 'customer asked for time',
      days: kind === 'validity_extension' ? 14 : null,
      state,
      requestedBy: roId,
      requestedAt: at,
      decidedBy: null,
      decidedAt: null,
      note: null,
      caseId,
      accountNumber: `ACC-${caseId}`,
      customerName: `Customer ${caseId}`,
      roId,
      caseRoId: roId,
      drcId,
      caseStatus: 'NEGOTIATION',
      caseClosed: false,
      updatedAt: at,
    });
    put('q1', mirror('demo-ro1', 'drc1', 'N1', 'validity_extension', 'pending', day(1)));
    put('q2', mirror('demo-ro1', 'drc1', 'B1', 'board_letter', 'approved', day(2)));
    put('q3', mirror('demo-ro2', 'drc1', 'N3', 'board_letter', 'pending', day(3)));
    put('q4', mirror('demo-ro3', 'drc2', 'X1', 'board_letter', 'pending', day(4)));
    // Pending on a case closed since: never to be decided, so not an open request.
    put('q5', { ...mirror('demo-ro1', 'drc1', 'C9', 'board_letter', 'pending', day(5)), caseClosed: true });
    await batch.commit();
  });

  it('lists only the caller’s open requests (an RO’s own; a DRC admin’s DRC)', async () => {
    expect(ids(await call('listActiveRoRequests', 'ro1', {}))).toEqual(['q1']);
    expect(ids(await call('listActiveRoRequests', 'drc1', {}))).toEqual(['q1', 'q3']);
    expect(ids(await call('listActiveRoRequests', 'drc2', {}))).toEqual(['q4']);
  });

  it('shows each request as the RO needs it, newest first', async () => {
    const page = await call('listActiveRoRequests', 'drc1', {});
    expect(page.items.map((i: { id: string }) => i.id)).toEqual(['q3', 'q1']);
    expect(page.items[1]).toMatchObject({
      caseId: 'N1',
      accountNumber: 'ACC-N1',
      kind: 'validity_extension',
      state: 'pending',
      days: 14,
      requestedAt: day(1),
      reason: 'customer asked for time',
    });
  });
});

describe('customer negotiations history', () => {
  beforeAll(async () => {
    const batch = firestore().batch();
    const event = (seq: number, action: string, inputs: Record<string, unknown>) =>
      batch.set(firestore().collection(COL.audit).doc(`cases_N2_${seq}`), {
        entity: 'cases/N2',
        seq,
        at: day(seq),
        actor: { uid: 'demo-ro1', role: 'ro', displayName: 'Roshan Perera' },
        action,
        summary: `event ${seq}`,
        details: { inputs },
      });
    event(1, 'registerCase', {});
    event(2, 'recordContact/no_answer', { channel: 'phone', notes: '' });
    event(3, 'recordContact/promised', { channel: 'visit', promiseAmountCents: 5000, promiseDate: '2026-12-01' });
    event(4, 'recordPayment/received', { amountCents: 5000, paidOn: '2026-11-20', method: 'cash', reference: 'R1' });
    await batch.commit();
  });

  it('pages through the negotiation events of the trail, newest first, skipping others', async () => {
    const first = await call('customerNegotiations', 'ro1', { caseId: 'N2', limit: 2 });
    expect(first.items.map((e: { seq: number }) => e.seq)).toEqual([4, 3]);
    expect(first.items[1]).toMatchObject({
      action: 'recordContact',
      result: 'promised',
      inputs: { promiseAmountCents: 5000 },
    });
    const second = await call('customerNegotiations', 'drc1', { caseId: 'N2', limit: 2, cursor: first.nextCursor });
    expect(second.items.map((e: { seq: number }) => e.seq)).toEqual([2]);
    expect(second.nextCursor).toBeNull();
  });
});
