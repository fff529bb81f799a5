import type { ReactNode } from 'react';
import type { CaseView, ExportColumn, NameMaps } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { amountDueCents, formatLkr } from '../format/money';
import { formatDate, formatInstant } from '../format/time';
import { t, tOr, type MessageKey } from '../i18n/t';

export interface CellContext {
  names: NameMaps;
  statusLabel(code: string): string;
}

export interface Column {
  key: ExportColumn;
  label: MessageKey;
  cell(c: CaseView, ctx: CellContext): ReactNode;
}

const none = () => t('case.none');

/** Every column the job basket can show, in order; the export uses the same keys and headings. */
export const COLUMNS: Column[] = [
  {
    key: 'account',
    label: 'cases.col.account',
    cell: (c) => <a href={hrefFor({ page: 'case', caseId: c.id })}>{c.accountNumber}</a>,
  },
  { key: 'customer', label: 'cases.col.customer', cell: (c) => c.customer.name },
  { key: 'phone', label: 'basket.col.phone', cell: (c) => c.customer.phone },
  {
    key: 'requiredAction',
    label: 'cases.col.requiredAction',
    cell: (c) => tOr(`requiredAction.${c.requiredAction}`, c.requiredAction),
  },
  { key: 'status', label: 'cases.col.status', cell: (c, { statusLabel }) => statusLabel(c.status) },
  { key: 'arrears', label: 'basket.col.arrears', cell: (c) => formatLkr(c.arrearsCents) },
  { key: 'amountDue', label: 'cases.col.amountDue', cell: (c) => formatLkr(amountDueCents(c)) },
  {
    key: 'drc',
    label: 'cases.col.drc',
    cell: (c, { names }) => (c.drcId ? (names.drcs[c.drcId] ?? c.drcId) : none()),
  },
  {
    key: 'ro',
    label: 'cases.col.ro',
    cell: (c, { names }) => (c.roId ? (names.users[c.roId] ?? c.roId) : none()),
  },
  { key: 'nextFollowUp', label: 'basket.col.nextFollowUp', cell: (c) => formatDate(c.nextFollowUpOn) || none() },
  { key: 'statusSince', label: 'basket.col.statusSince', cell: (c) => formatInstant(c.statusSince) },
  { key: 'updated', label: 'cases.col.updated', cell: (c) => formatInstant(c.updatedAt) },
];

export const DEFAULT_COLUMNS: ExportColumn[] = [
  'account',
  'customer',
  'requiredAction',
  'status',
  'amountDue',
  'drc',
  'ro',
  'updated',
];

const STORAGE_KEY = 'debtx.basket.columns';

/** The columns the user chose last time on this device (the defaults until they choose). */
export function loadColumns(): ExportColumn[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) {
      const known = saved.filter((k): k is ExportColumn => COLUMNS.some((c) => c.key === k));
      if (known.length) return known;
    }
  } catch {
    /* unreadable or blocked storage: the defaults */
  }
  return DEFAULT_COLUMNS;
}

export function saveColumns(columns: ExportColumn[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    /* the choice then lasts for this page only */
  }
}
