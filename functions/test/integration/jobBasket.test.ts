import ExcelJS from 'exceljs';
import { COL, firestore } from '../../src/data/db';
import { storedBasketFields } from '../../src/domain/jobBasket/basket';
import type { CaseState, PromiseToPay } from '../../src/domain/model/case';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const dashboardHandler = handlerOf('dashboardFigures');
const exportCasesHandler = handlerOf('exportCases');
const jobBasketCountsHandler = handlerOf('jobBasketCounts');
const listCasesHandler = handlerOf('listCases');

/**
 * The job basket's tabs, counters, sort orders, names and export, over cases whose `basket` fields are
 * derived exactly as writeCaseWithAudit stores them.
 */
const today = new Date().toISOString().slice(0, 10);
const promise = (status: PromiseToPay['status'], dueDate = today): PromiseToPay => ({
  id: `p-${status}-${dueDate}`,
  amountCents: 1000,
  dueDate,
  madeAt: '2026-01-01T00:00:00.000Z',
  paidAtMadeCents: 0,
  status,
  decidedAt: null,
});

function aCase(i: number, over: Partial<CaseState>): CaseState {
  const c = {
    id: `b-${String(i).padStart(2, '0')}`,
    accountNumber: `00100000${String(i).padStart(2, '0')}`,
    requiredAction: 'arrears',
    status: 'RO_ASSIGNED',
    statusSince: `2026-10-${String(1 + i).padStart(2, '0')}T00:00:00.000Z`,
    customer: { name: `Customer ${i}`, phone: '0771234567' },
    cpe: [],
    tasks: [],
    promises: [],
    arrearsCents: 10_000 * (1 + (i % 4)),
    paidCents: 0,
    settlement: null,
    lastContact: { at: '2026-11-01T00:00:00.000Z', channel: 'phone', outcome: 'x', by: 'demo-ro1' },
    nextFollowUpOn: null,
    drcId: 'drc1',
    roId: 'demo-ro1',
    closedAt: null,
    updatedAt: `2026-11-${String(1 + i).padStart(2, '0')}T00:00:00.000Z`,
    searchTerms: [`customer`, `${i}`],
    openedAt: new Date().toISOString(),
    ...over,
  } as unknown as CaseState;
  return c;
}

const CASES: CaseState[] = [
  aCase(0, { status: 'NEGOTIATION', promises: [promise('open', '2026-01-01')] }),
  aCase(1, { status: 'NEGOTIATION', promises: [promise('kept')] }),
  aCase(2, { status: 'SETTLEMENT', promises: [promise('broken')], nextFollowUpOn: '2026-01-02' }),
  aCase(3, { status: 'MEDIATION_BOARD' }),
  aCase(4, { lastContact: null }),
  aCase(5, { roId: 'demo-ro2', lastContact: null, nextFollowUpOn: '2999-01-01' }),
  aCase(6, { status: 'CLOSED_RECOVERED', closedAt: '2026-11-05T00:00:00.000Z' }),
  aCase(7, {
    requiredAction: 'cpe',
    cpe: [{ itemId: 'i', kind: 'router', serialNumber: 's', status: 'collected', collectedAt: null, condition: 'ok' }],
  }),
  aCase(8, { drcId: 'drc2', roId: 'demo-ro3', promises: [promise('open', '2026-01-01')] }),
];

beforeAll(async () => {
  await seedOrganisation();
  const batch = firestore().batch();
  for (const c of CASES) batch.set(firestore().collection(COL.cases).doc(c.id), { ...c, ...storedBasketFields(c) });
  await batch.commit();
});

it('counts each counter and tab with count() queries, scoped to the DRC admin’s own cases', async () => {
  const out = await jobBasketCountsHandler(asUser('drc1', { tab: 'active' }));
  expect(out.tabs[0]).toBe('active');
  expect(out.counters).toEqual({
    promisesDue: 1,
    promisesKept: 1,
    promisesBroken: 1,
    followUpsDue: 1,
    escalated: 1,
    notFollowedUp: 2,
  });
  expect(out.tabCounts).toMatchObject({ active: 7, negotiation: 3, mediation: 1, closed: 1, all: 8, cpe: 1 });
  expect(out.drcs).toEqual([]);
  expect(out.ros.map((r) => r.uid).sort()).toEqual(['demo-ro1', 'demo-ro2']);
});

it('an RO counts only their own cases; an officer sees every DRC', async () => {
  const ro = await jobBasketCountsHandler(asUser('ro2', {}));
  expect(ro.tabCounts.active).toBe(1);
  expect(ro.counters.notFollowedUp).toBe(1);
  const officer = await jobBasketCountsHandler(asUser('officer', {}));
  expect(officer.counters.promisesDue).toBe(2);
  expect(officer.drcs.map((d) => d.id)).toEqual(expect.arrayContaining(['drc1', 'drc2', 'drc3']));
  expect(officer.tabCounts.approvals).toBe(1);
});

it('a counter filters the list with one click, and the list carries DRC and RO names', async () => {
  const out = await listCasesHandler(asUser('officer', { tab: 'active', counter: 'promisesDue' }));
  expect(out.cases.map((c) => c.id).sort()).toEqual(['b-00', 'b-08']);
  expect(out.names.drcs.drc1).toMatch(/Lanka/);
  expect(out.names.users['demo-ro3']).toBe('Ravindu Jayasinghe');
  expect(out.cases[0]).not.toHaveProperty('basketActive');
});

it('filters by DRC, RO and updated dates', async () => {
  const byRo = await listCasesHandler(asUser('officer', { roId: 'demo-ro2' }));
  expect(byRo.cases.map((c) => c.id)).toEqual(['b-05']);
  const byDates = await listCasesHandler(asUser('officer', { updatedFrom: '2026-11-02', updatedTo: '2026-11-03' }));
  expect(byDates.cases.map((c) => c.id).sort()).toEqual(['b-01', 'b-02']);
});

it('sorts by arrears, largest first, and pages through ties without repeats or gaps', async () => {
  const seen: CaseState[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const out = await listCasesHandler(asUser('officer', { sort: 'arrears', limit: 2, ...(cursor ? { cursor } : {}) }));
    seen.push(...out.cases);
    if (!out.nextCursor) break;
    cursor = out.nextCursor;
  }
  expect(seen.map((c) => c.id).sort()).toEqual(CASES.map((c) => c.id).sort());
  const amounts = seen.map((c) => c.arrearsCents);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
});

it('exports every page of the current list as CSV with the chosen columns and headings', async () => {
  const out = await exportCasesHandler(
    asUser('drc1', {
      tab: 'active',
      sort: 'account',
      format: 'csv',
      columns: [
        { key: 'account', heading: 'ගිණුම' },
        { key: 'ro', heading: 'RO' },
        { key: 'arrears', heading: 'Arrears' },
      ],
    }),
  );
  expect(out.rows).toBe(7);
  const lines = out.content
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('ගිණුම,RO,Arrears');
  expect(lines[1]).toBe('0010000000,Roshan Perera,100');
  expect(lines).toHaveLength(8);
});

it('exports Excel that opens with the same rows', async () => {
  const out = await exportCasesHandler(
    asUser('officer', { format: 'xlsx', counter: 'notFollowedUp', columns: [{ key: 'account', heading: 'Account' }] }),
  );
  expect(out.encoding).toBe('base64');
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(Buffer.from(out.content, 'base64') as unknown as ExcelJS.Buffer);
  const values = workbook.worksheets[0]!.getColumn(1).values.filter(Boolean);
  // Newest first, as the list shows them.
  expect(values).toEqual(['Account', '0010000005', '0010000004']);
});

it('refuses an unknown counter or column with a field-named error', async () => {
  await expect(listCasesHandler(asUser('officer', { counter: 'everything' }))).rejects.toMatchObject({
    code: 'invalid-argument',
    details: { fields: { counter: expect.any(String) } },
  });
  await expect(
    exportCasesHandler(asUser('officer', { format: 'csv', columns: [{ key: 'nic', heading: 'NIC' }] })),
  ).rejects.toMatchObject({ code: 'invalid-argument' });
});

it('computes the dashboard with aggregations under the caller’s scope', async () => {
  const officer = await dashboardHandler(asUser('officer'));
  expect(officer.totals).toMatchObject({ cases: 9, open: 8 });
  expect(officer.totals.arrearsCents).toBe(CASES.reduce((n, c) => n + c.arrearsCents, 0));
  expect(officer.byStatus.find((s) => s.status === 'NEGOTIATION')?.count).toBe(2);
  expect(officer.byStage.find((s) => s.stage === 'escalated')?.count).toBe(1);
  expect(officer.ageing.find((a) => a.bucket === '0_30')?.count).toBe(8);
  expect(officer.trend).toHaveLength(8);
  expect(officer.trend[7]!.opened).toBe(9);
  const drc1 = officer.drcs.find((d) => d.id === 'drc1')!;
  expect(drc1).toMatchObject({ cases: 8, open: 7, promisesKept: 1, promisesBroken: 1 });
  const drc = await dashboardHandler(asUser('drc1'));
  expect(drc.totals.cases).toBe(8);
  expect(drc.drcs.map((d) => d.id)).toEqual(['drc1']);
  expect(drc.ros.map((r) => r.id).sort()).toEqual(['demo-ro1', 'demo-ro2']);
  const ro = await dashboardHandler(asUser('ro2'));
  expect(ro.totals.cases).toBe(1);
  expect(ro.ros).toEqual([expect.objectContaining({ id: 'demo-ro2', cases: 1 })]);
});
