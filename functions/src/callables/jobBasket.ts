import { onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import type { BasketCountsOutput, ExportCasesOutput, ExportColumn } from '../api/contract';
import { REGION } from '../config';
import { BASKET_COUNTERS, tabsFor, type BasketCounter } from '../domain/jobBasket/basket';
import { amountDueCents, type CaseState } from '../domain/model/case';
import { OPERATOR_ROLES, type Actor } from '../domain/model/roles';
import { toCsv } from '../csv';
import { DEFAULT_CASE_TYPE, latestCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { countQuery, readQuery } from '../data/ops';
import { basketFilterSchema, basketPage, basketPageSchema, basketQuery } from '../services/basketQuery';
import { namesOf, type Names } from '../services/names';
import { callerActor, parseInput } from '../api/caller';

/**
 * The DRCs and ROs the caller may filter the basket by: the directories the policy table lets them read (all for
 * the operator's staff, their own DRC's ROs for a DRC admin). An RO, the returned-CPE desk and the mediation board
 * read neither, so they get no choices (they may still filter by an id they have from a case they see).
 */
async function filterChoices(actor: Actor): Promise<Pick<BasketCountsOutput, 'drcs' | 'ros'>> {
  if (!(OPERATOR_ROLES as readonly string[]).includes(actor.role) && actor.role !== 'drc_admin')
    return { drcs: [], ros: [] };
  let ros = firestore().collection(COL.users).where('role', '==', 'ro');
  if (actor.role === 'drc_admin') ros = ros.where('drcId', '==', actor.drcId ?? '');
  const [drcSnap, roSnap] = await Promise.all([
    actor.role === 'drc_admin' ? null : readQuery(firestore().collection(COL.drcs)),
    readQuery(ros),
  ]);
  return {
    drcs: (drcSnap?.docs ?? []).map((d) => ({ id: d.id, name: String(d.get('name') ?? d.id) })),
    ros: roSnap.docs.map((d) => ({
      uid: d.id,
      name: String(d.get('displayName') ?? d.id),
      drcId: (d.get('drcId') as string | undefined) ?? null,
    })),
  };
}

/**
 * The job basket's figures: cases per tab (with the filters but no counter) and per counter (within the
 * chosen tab), each one count() aggregation scoped to what the caller may see; and the filter choices.
 */
export async function jobBasketCountsHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<BasketCountsOutput> {
  const actor = await callerActor(request);
  const filter = parseInput(basketFilterSchema, request.data);
  const tabs = actor.role === 'system' ? [] : tabsFor(actor.role);
  const tab = filter.tab ?? tabs[0] ?? 'all';
  const countOf = async (q: ReturnType<typeof basketQuery>) => (q === 'none' ? 0 : countQuery(q));
  const [tabNumbers, counterNumbers, choices] = await Promise.all([
    Promise.all(tabs.map((t) => countOf(basketQuery(actor, filter, { tab: t, counter: null })))),
    Promise.all(BASKET_COUNTERS.map((c) => countOf(basketQuery(actor, filter, { tab, counter: c })))),
    filterChoices(actor),
  ]);
  return {
    tabs,
    tabCounts: Object.fromEntries(tabs.map((t, i) => [t, tabNumbers[i]!])),
    counters: Object.fromEntries(BASKET_COUNTERS.map((c, i) => [c, counterNumbers[i]!])) as Record<
      BasketCounter,
      number
    >,
    ...choices,
  };
}

/** An export holds at most this many cases: beyond it the file says it was cut (filter, then export again). */
export const EXPORT_MAX_ROWS = 10_000;
const EXPORT_PAGE = 100;

const COLUMN_KEYS = [
  'account',
  'customer',
  'phone',
  'requiredAction',
  'status',
  'arrears',
  'amountDue',
  'drc',
  'ro',
  'nextFollowUp',
  'statusSince',
  'updated',
] as const satisfies readonly ExportColumn[];

const exportSchema = basketPageSchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx']),
  columns: z
    .array(z.strictObject({ key: z.enum(COLUMN_KEYS), heading: z.string().trim().min(1).max(80) }))
    .min(1, 'choose at least one column')
    .max(COLUMN_KEYS.length),
  statusLabels: z.record(z.string().max(64), z.string().max(80)).nullish(),
});

const rupees = (cents: number) => Number((cents / 100).toFixed(2));

function cellOf(key: ExportColumn, c: CaseState, names: Names, statusLabel: (code: string) => string) {
  switch (key) {
    case 'account':
      return c.accountNumber;
    case 'customer':
      return c.customer.name;
    case 'phone':
      return c.customer.phone;
    case 'requiredAction':
      return c.requiredAction;
    case 'status':
      return statusLabel(c.status);
    case 'arrears':
      return rupees(c.arrearsCents);
    case 'amountDue':
      return rupees(amountDueCents(c));
    case 'drc':
      return c.drcId ? (names.drcs[c.drcId] ?? c.drcId) : '';
    case 'ro':
      return c.roId ? (names.users[c.roId] ?? c.roId) : '';
    case 'nextFollowUp':
      return c.nextFollowUpOn ?? '';
    case 'statusSince':
      return c.statusSince;
    case 'updated':
      return c.updatedAt;
  }
}

/**
 * The whole current list (every page, scoped to the caller, same filters and order) as CSV or Excel,
 * with the columns and headings the user sees.
 */
export async function exportCasesHandler(request: Pick<CallableRequest, 'auth' | 'data'>): Promise<ExportCasesOutput> {
  const actor = await callerActor(request);
  const input = parseInput(exportSchema, request.data);
  const config = (await latestCaseType(DEFAULT_CASE_TYPE))!;
  const labels = new Map(config.statuses.map((s) => [s.code, s.label]));
  const statusLabel = (code: string) => input.statusLabels?.[code] ?? labels.get(code) ?? code;
  const query = basketQuery(actor, input);
  const cases: CaseState[] = [];
  let truncated = false;
  if (query !== 'none') {
    let cursor: string | null = null;
    do {
      const page = await basketPage(query, { sort: input.sort, limit: EXPORT_PAGE, cursor });
      cases.push(...page.docs.map((d) => d.data() as CaseState));
      cursor = page.nextCursor;
      if (cases.length >= EXPORT_MAX_ROWS && cursor) {
        truncated = true;
        break;
      }
    } while (cursor);
  }
  const names = await namesOf(cases);
  const rows = cases.map((c) => input.columns.map(({ key }) => cellOf(key, c, names, statusLabel)));
  const headings = input.columns.map((c) => c.heading);
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `debtx-cases-${input.tab ?? 'all'}-${stamp}`;
  if (input.format === 'csv') {
    // A byte-order mark, so spreadsheet programs read Sinhala and Tamil headings as UTF-8.
    const content = toCsv([headings, ...rows], { eol: '\r\n', bom: true });
    return { fileName: `${base}.csv`, content, encoding: 'utf8', rows: rows.length, truncated };
  }
  // Loaded on first use: exceljs costs ~0.4 s of every cold start of this module's functions.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headings).font = { bold: true };
  sheet.addRows(rows);
  input.columns.forEach(({ key }, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = key === 'customer' ? 28 : 18;
    if (key === 'arrears' || key === 'amountDue') column.numFmt = '#,##0.00';
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${base}.xlsx`,
    content: buffer.toString('base64'),
    encoding: 'base64',
    rows: rows.length,
    truncated,
  };
}

export const jobBasketCounts = onCall({ region: REGION }, jobBasketCountsHandler);
export const exportCases = onCall({ region: REGION, timeoutSeconds: 300, memory: '512MiB' }, exportCasesHandler);
