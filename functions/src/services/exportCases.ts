import type { z } from 'zod';
import type { exportCases, exportCasesInput, ExportColumn } from '../domain/contracts/basket';
import { amountDueCents, type CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { DEFAULT_CASE_TYPE, latestCaseType } from '../data/caseTypes';
import { basketPage, basketQuery } from './basketQuery';
import { namesOf, type Names } from './names';
import { toCsv } from '../csv';

/** An export holds at most this many cases: beyond it the file says it was cut (filter, then export again). */
export const EXPORT_MAX_ROWS = 10_000;
const EXPORT_PAGE = 100;

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
export async function exportBasket(
  actor: Actor,
  input: z.output<typeof exportCasesInput>,
): Promise<z.input<typeof exportCases.output>> {
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
