import type { CaseState } from '../model/case';
import type { CalendarDate } from '../model/time';
import type { Role } from '../model/roles';

/**
 * The job basket (docs/domain.md): each user's work queue in tabs, with counters that
 * filter with one click. A case's tab and counter memberships are derived from its state and stored on it
 * as top-level `basket…` fields (see storedBasketFields: top-level, because the offline emulator cannot
 * filter on nested paths), so each tab and counter is one indexed Firestore query and each count one
 * count() aggregation, whatever the case type.
 */
export const BASKET_TABS = [
  'all',
  'active',
  'negotiation',
  'mediation',
  'cpe',
  'requests',
  'approvals',
  'decisions',
  'closed',
] as const;
export type BasketTab = (typeof BASKET_TABS)[number];

export const BASKET_COUNTERS = [
  'promisesDue',
  'promisesKept',
  'promisesBroken',
  'followUpsDue',
  'escalated',
  'notFollowedUp',
] as const;
export type BasketCounter = (typeof BASKET_COUNTERS)[number];

/** The derived fields (stored on the case as `basketActive`, `basketPromiseDueOn`...). */
export interface BasketFields {
  active: boolean;
  negotiation: boolean;
  mediation: boolean;
  cpe: boolean;
  requests: boolean;
  /** A collected CPE item waits for its approval (the CPE desk's queue). */
  approvals: boolean;
  /** A checker's decision waits: a settlement discount above the RO's limit, or an RO's request (extension…). */
  decisions: boolean;
  closed: boolean;
  /** The earliest due date of the case's open promises to pay. */
  promiseDueOn: CalendarDate | null;
  promiseKept: boolean;
  promiseBroken: boolean;
  escalated: boolean;
  /** Assigned to an RO who has not recorded any contact yet. */
  notFollowedUp: boolean;
  /** The next follow-up date while the case is open. */
  followUpOn: CalendarDate | null;
}

const NEGOTIATING = new Set(['NEGOTIATION', 'SETTLEMENT']);
const BEFORE_THE_BOARD = new Set(['MEDIATION_BOARD', 'LEGAL']);

export function basketFieldsOf(
  c: Pick<
    CaseState,
    'status' | 'closedAt' | 'requiredAction' | 'cpe' | 'tasks' | 'promises' | 'roId' | 'lastContact' | 'nextFollowUpOn'
  > &
    Partial<Pick<CaseState, 'approvals' | 'roRequests'>>,
): BasketFields {
  const open = c.closedAt === null;
  const openPromises = (c.promises ?? []).filter((p) => p.status === 'open').map((p) => p.dueDate);
  const escalated = open && BEFORE_THE_BOARD.has(c.status);
  return {
    active: open,
    negotiation: open && NEGOTIATING.has(c.status),
    mediation: escalated,
    cpe: open && c.requiredAction !== 'arrears' && (c.cpe ?? []).some((i) => i.status !== 'approved'),
    requests: open && (c.tasks ?? []).some((task) => task.status === 'open'),
    approvals: (c.cpe ?? []).some((i) => i.status === 'collected'),
    decisions:
      open &&
      ((c.approvals ?? []).some((a) => a.state === 'pending') ||
        (c.roRequests ?? []).some((r) => r.state === 'pending')),
    closed: !open,
    promiseDueOn: open && openPromises.length ? openPromises.sort()[0]! : null,
    promiseKept: (c.promises ?? []).some((p) => p.status === 'kept'),
    promiseBroken: (c.promises ?? []).some((p) => p.status === 'broken'),
    escalated,
    notFollowedUp: open && c.roId !== null && c.lastContact === null,
    followUpOn: open ? c.nextFollowUpOn : null,
  };
}

/** `promiseDueOn` → `basketPromiseDueOn`: the case document's field holding it. */
export function basketField(key: keyof BasketFields): string {
  return `basket${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** The fields writeCaseWithAudit adds to every case it writes. */
export function storedBasketFields(c: Parameters<typeof basketFieldsOf>[0]): Record<string, boolean | string | null> {
  return Object.fromEntries(
    Object.entries(basketFieldsOf(c)).map(([k, v]) => [basketField(k as keyof BasketFields), v]),
  );
}

/** Whether a case document field is one of the derived basket fields (lists and audit diffs leave them out). */
export const isBasketField = (name: string) => /^basket[A-Z]/.test(name);

/** A Firestore filter on one of the basket fields. */
export interface BasketFilter {
  field: string;
  op: '==' | '<=';
  value: boolean | string;
}

export function tabFilter(tab: BasketTab): BasketFilter | null {
  return tab === 'all' ? null : { field: basketField(tab), op: '==', value: true };
}

/** `today` decides what is due: promises and follow-ups dated today or earlier. */
export function counterFilter(counter: BasketCounter, today: CalendarDate): BasketFilter {
  switch (counter) {
    case 'promisesDue':
      return { field: basketField('promiseDueOn'), op: '<=', value: today };
    case 'followUpsDue':
      return { field: basketField('followUpOn'), op: '<=', value: today };
    case 'promisesKept':
      return { field: basketField('promiseKept'), op: '==', value: true };
    case 'promisesBroken':
      return { field: basketField('promiseBroken'), op: '==', value: true };
    case 'escalated':
      return { field: basketField('escalated'), op: '==', value: true };
    case 'notFollowedUp':
      return { field: basketField('notFollowedUp'), op: '==', value: true };
  }
}

/** The tabs each role works from, first the one it opens on (tabs by task type). */
export function tabsFor(role: Role): BasketTab[] {
  switch (role) {
    case 'ro':
    case 'drc_admin':
      return ['active', 'negotiation', 'mediation', 'cpe', 'requests', 'closed', 'all'];
    case 'rcmp':
      return ['approvals', 'cpe', 'all'];
    case 'mediation_board':
      return ['mediation', 'all'];
    case 'recovery_officer':
    case 'supervisor':
      return ['active', 'negotiation', 'mediation', 'cpe', 'requests', 'decisions', 'approvals', 'closed', 'all'];
    case 'admin':
    case 'auditor':
      return ['all', 'active', 'negotiation', 'mediation', 'cpe', 'decisions', 'approvals', 'closed'];
  }
}

/** The sort orders the basket offers; each is a keyset over (field, document id). */
export const BASKET_SORTS = {
  updatedAt: { field: 'updatedAt', direction: 'desc' },
  arrears: { field: 'arrearsCents', direction: 'desc' },
  statusSince: { field: 'statusSince', direction: 'asc' },
  account: { field: 'accountNumber', direction: 'asc' },
} as const;
export type BasketSort = keyof typeof BASKET_SORTS;
