import { z } from 'zod';
import { BASKET_COUNTERS, BASKET_SORTS, BASKET_TABS } from '../jobBasket/basket';
import { SIGNED_IN_ROLES } from '../policy/operationRoles';
import { caseView, labelsView, statusView } from './cases';
import { defineContract } from './define';

/**
 * The job basket (each user's cases, narrowed, counted, exported) and the dashboard's figures: every list, count
 * and sum scoped to what the caller may see, so one role list serves them all.
 */

// Callable clients send absent optional fields as null; both mean "not given".
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)');
const id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not an id');

/** What narrows the job basket: the same for the list, its counts and its export. */
export const basketFilterInput = {
  status: z
    .string()
    .regex(/^[A-Z_]{2,64}$/, 'is not a status code')
    .nullish(),
  search: z.string().trim().max(64).nullish(),
  tab: z.enum(BASKET_TABS).nullish(),
  counter: z.enum(BASKET_COUNTERS).nullish(),
  drcId: id.nullish(),
  roId: id.nullish(),
  /** Calendar dates (YYYY-MM-DD) bounding updatedAt. */
  updatedFrom: isoDay.nullish(),
  updatedTo: isoDay.nullish(),
  /** Calendar dates (YYYY-MM-DD) bounding openedAt (the dashboard's ageing links). */
  openedFrom: isoDay.nullish(),
  openedTo: isoDay.nullish(),
};
export const basketFilterSchema = z.strictObject(basketFilterInput);
export type BasketFilterInput = z.output<typeof basketFilterSchema>;

export const basketPageSchema = z.strictObject({
  ...basketFilterInput,
  sort: z.enum(Object.keys(BASKET_SORTS) as [keyof typeof BASKET_SORTS]).nullish(),
  // Coerced: over REST the page size comes in the query string, as text.
  limit: z.coerce.number().int().min(1).max(100).nullish(),
  cursor: z.string().max(400).nullish(),
});
export type BasketPageInput = z.output<typeof basketPageSchema>;

/** DRC and user names by id, so lists never show bare ids. */
export const nameMaps = z.object({
  drcs: z.record(z.string(), z.string()),
  users: z.record(z.string(), z.string()),
});

export const listCases = defineContract({
  name: 'listCases',
  summary: 'The job basket: the caller’s cases by tab, counter and filters, in the chosen order, a page at a time.',
  description: 'With the case type’s statuses and the names of the DRCs and ROs on the page. Cursor-paged.',
  area: 'basket',
  rest: { method: 'GET', path: '/basket/cases', tag: 'Cases' },
  roles: SIGNED_IN_ROLES,
  input: basketPageSchema,
  output: z.object({
    cases: z.array(caseView),
    nextCursor: z.string().nullable(),
    statuses: z.array(statusView),
    names: nameMaps,
  }),
});

export const jobBasketCounts = defineContract({
  name: 'jobBasketCounts',
  summary: 'The job basket’s figures: cases per tab and per counter (count aggregations), and the filter choices.',
  area: 'basket',
  rest: { method: 'GET', path: '/basket/counts', tag: 'Cases' },
  roles: SIGNED_IN_ROLES,
  input: basketFilterSchema,
  output: z.object({
    /** The tabs the caller works from, the first one to open on. */
    tabs: z.array(z.enum(BASKET_TABS)),
    /** Cases in each of those tabs (with the other filters applied). */
    tabCounts: z.partialRecord(z.enum(BASKET_TABS), z.number()),
    /** Cases of each counter within the chosen tab and filters. */
    counters: z.record(z.enum(BASKET_COUNTERS), z.number()),
    /** Every DRC and RO the caller may filter by. */
    drcs: z.array(z.object({ id: z.string(), name: z.string() })),
    ros: z.array(z.object({ uid: z.string(), name: z.string(), drcId: z.string().nullable() })),
  }),
});

export const EXPORT_COLUMNS = [
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
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const exportCasesInput = basketPageSchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx']),
  /** The columns shown, in order, with their headings in the reader's language. */
  columns: z
    .array(z.strictObject({ key: z.enum(EXPORT_COLUMNS), heading: z.string().trim().min(1).max(80) }))
    .min(1, 'choose at least one column')
    .max(EXPORT_COLUMNS.length),
  /** Status code → label in the reader's language (the configured label otherwise). */
  statusLabels: z.record(z.string().max(64), z.string().max(80)).nullish(),
});

export const exportCases = defineContract({
  name: 'exportCases',
  summary: 'The whole current basket list (every page, same filters and order) as CSV or Excel.',
  area: 'basket',
  roles: SIGNED_IN_ROLES,
  input: exportCasesInput,
  output: z.object({
    fileName: z.string(),
    /** CSV text, or the .xlsx file as base64. */
    content: z.string(),
    encoding: z.enum(['utf8', 'base64']),
    rows: z.number(),
    /** True when the list was longer than the export limit and was cut. */
    truncated: z.boolean(),
  }),
  runtime: { timeoutSeconds: 300, memory: '512MiB' },
});

export const AGE_BUCKETS = ['0_30', '31_60', '61_90', '90plus'] as const;
export const STAGES = ['intake', 'field', 'escalated', 'closed'] as const;

/** One DRC's or RO's figures on the dashboard (DRC and RO performance). */
export const performanceRow = z.object({
  id: z.string(),
  name: z.string(),
  cases: z.number(),
  open: z.number(),
  arrearsCents: z.number(),
  collectedCents: z.number(),
  /** Collected ÷ arrears placed, 0..1. */
  recoveryRate: z.number(),
  promisesKept: z.number(),
  promisesBroken: z.number(),
});

export const dashboardOutput = z.object({
  byStatus: z.array(
    z.object({ status: z.string(), label: z.string(), labels: labelsView.default(null), count: z.number() }),
  ),
  byStage: z.array(z.object({ stage: z.enum(STAGES), count: z.number() })),
  totals: z.object({
    cases: z.number(),
    open: z.number(),
    arrearsCents: z.number(),
    collectedCents: z.number(),
    recoveryRate: z.number(),
  }),
  drcs: z.array(performanceRow),
  ros: z.array(performanceRow),
  /** Open cases by days since opened; `from`/`to` are the openedAt dates (YYYY-MM-DD) bounding the bucket. */
  ageing: z.array(
    z.object({
      bucket: z.enum(AGE_BUCKETS),
      count: z.number(),
      openedFrom: z.string().nullable(),
      openedTo: z.string().nullable(),
    }),
  ),
  /** Cases opened and closed per week, oldest first; weeks start on Monday. */
  trend: z.array(z.object({ weekStart: z.string(), opened: z.number(), closed: z.number() })),
});

export const dashboardFigures = defineContract({
  name: 'dashboardFigures',
  summary: 'Counts by status and stage, totals, DRC and RO performance, ageing and an 8-week trend.',
  description: 'Every figure a count() or sum() aggregation under the caller’s scope.',
  area: 'basket',
  roles: SIGNED_IN_ROLES,
  input: z.strictObject({}),
  output: dashboardOutput,
  runtime: { timeoutSeconds: 120 },
});

export const BASKET_CONTRACTS = [listCases, jobBasketCounts, exportCases, dashboardFigures] as const;
