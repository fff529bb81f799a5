import type { EventKind } from './events';

export const CHANNELS = ['inapp', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Who hears about an event, relative to the case: its RO, the RO who just lost it, its DRC's admins, the
 * operator's recovery officers, supervisors or returned-CPE desk, the customer, or users the event names (an import's owner).
 */
export const AUDIENCES = [
  'case_ro',
  'former_ro',
  'case_drc_admin',
  'recovery_officer',
  'supervisor',
  'rcmp',
  'customer',
  'named',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface RouteRule {
  audience: Audience;
  /** The channels used unless the user's preferences say otherwise (a customer gets SMS only). */
  channels: Channel[];
  /** Only for events of this level (assignment to a DRC vs to an RO; first vs second escalation). */
  level?: number;
}

export type RoutingTable = Record<EventKind, RouteRule[]>;

/** Who receives what, by default (issue 6 §1: configuration, not code). */
export const DEFAULT_ROUTING: RoutingTable = {
  case_assigned: [
    { audience: 'case_drc_admin', channels: ['inapp', 'email'], level: 1 },
    { audience: 'case_ro', channels: ['inapp', 'sms'], level: 2 },
  ],
  status_changed: [
    { audience: 'case_ro', channels: ['inapp'] },
    { audience: 'case_drc_admin', channels: ['inapp'] },
  ],
  // Level 1: a settlement discount above the maker's limit (supervisors decide); 2: an RO request (recovery
  // officers and supervisors); 3: collected CPE for the returned-CPE desk (events.ts APPROVAL_LEVEL).
  approval_needed: [
    { audience: 'supervisor', channels: ['inapp', 'email'], level: 1 },
    { audience: 'recovery_officer', channels: ['inapp', 'email'], level: 2 },
    { audience: 'supervisor', channels: ['inapp', 'email'], level: 2 },
    { audience: 'rcmp', channels: ['inapp', 'email'], level: 3 },
  ],
  approval_decided: [
    { audience: 'named', channels: ['inapp', 'sms'] },
    { audience: 'case_ro', channels: ['inapp'] },
  ],
  case_overdue: [
    { audience: 'case_ro', channels: ['inapp', 'sms'] },
    { audience: 'case_drc_admin', channels: ['inapp'] },
  ],
  promise_due: [
    { audience: 'case_ro', channels: ['inapp', 'sms'] },
    { audience: 'customer', channels: ['sms'] },
  ],
  promise_broken: [
    { audience: 'case_ro', channels: ['inapp', 'sms'] },
    { audience: 'case_drc_admin', channels: ['inapp', 'email'] },
  ],
  validity_expiring: [
    { audience: 'case_ro', channels: ['inapp', 'sms'] },
    { audience: 'case_drc_admin', channels: ['inapp', 'email'] },
  ],
  validity_expired: [
    { audience: 'former_ro', channels: ['inapp'] },
    { audience: 'case_drc_admin', channels: ['inapp', 'email'] },
  ],
  follow_up_due: [{ audience: 'case_ro', channels: ['inapp', 'sms'] }],
  escalation: [
    { audience: 'case_drc_admin', channels: ['inapp', 'email', 'sms'], level: 1 },
    { audience: 'recovery_officer', channels: ['inapp', 'email'], level: 2 },
  ],
  import_finished: [{ audience: 'named', channels: ['inapp', 'email'] }],
  digest: [{ audience: 'named', channels: ['email'] }],
};

/** The rules that apply to an event of this kind and level. */
export function rulesFor(table: RoutingTable, kind: EventKind, level: number | undefined): RouteRule[] {
  return table[kind].filter((r) => r.level === undefined || r.level === level);
}
