import { z } from 'zod';
import { EVENT_KINDS, type EventKind } from './events';
import { TEMPLATES, type TemplateTable } from './templates';

export const CHANNELS = ['inapp', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Who hears about an event, relative to the case: its RO, the RO who just lost it, its DRC's admins, the admins
 * of the DRC that just lost it, the operator's recovery officers, supervisors or returned-CPE desk, the customer, or users the event names (an import's owner).
 */
export const AUDIENCES = [
  'case_ro',
  'former_ro',
  'case_drc_admin',
  'former_drc_admin',
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

/** Who receives what, by default: configuration an administrator may replace, not code. */
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
  // The section places the case again; the DRC and the RO learn why it left them.
  case_returned: [
    { audience: 'former_ro', channels: ['inapp'] },
    { audience: 'former_drc_admin', channels: ['inapp', 'email'] },
    { audience: 'recovery_officer', channels: ['inapp', 'email'] },
  ],
  case_handed_back: [{ audience: 'case_drc_admin', channels: ['inapp', 'email'] }],
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

/**
 * Who receives what, as an administrator configures it: per event kind, the rules that replace the
 * default ones. Kinds left out keep the defaults, so a kind added later is routed without touching the config.
 */
const ruleSchema = z.strictObject({
  audience: z.enum(AUDIENCES, { error: `must be one of ${AUDIENCES.join(', ')}` }),
  channels: z
    .array(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }))
    .max(CHANNELS.length)
    .refine((c) => new Set(c).size === c.length, 'lists a channel twice'),
  level: z.number().int().min(1).max(3).optional(),
});

export const routingOverridesSchema = z.partialRecord(
  z.enum(EVENT_KINDS, { error: 'is not an event kind' }),
  z.array(ruleSchema).max(12, 'at most 12 rules per event'),
);
export type RoutingOverrides = z.infer<typeof routingOverridesSchema>;

export function routingWith(overrides: RoutingOverrides | null | undefined): RoutingTable {
  return { ...DEFAULT_ROUTING, ...(overrides ?? {}) } as RoutingTable;
}

/**
 * A customer is reached by SMS only (the compliance gate speaks for SMS), and only with a message written for
 * customers (`{kind}.customer`): staff texts are not for them, and without one the event could not be planned.
 */
export function routingProblems(
  overrides: RoutingOverrides,
  templates: TemplateTable = TEMPLATES,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [kind, rules] of Object.entries(overrides)) {
    (rules ?? []).forEach((r, i) => {
      if (r.audience !== 'customer') return;
      // Keyed on the channels, where the routing screen shows a rule's error.
      if (r.channels.some((c) => c !== 'sms'))
        problems[`${kind}.${i}.channels`] = 'a customer can be reached by SMS only';
      else if (r.channels.includes('sms') && !templates.en[`${kind as EventKind}.customer`])
        problems[`${kind}.${i}.channels`] = 'there is no customer message for this kind of notification';
    });
  }
  return problems;
}

/** Which audiences a user of this role can be part of ('named' reaches anyone an event names). */
const AUDIENCES_OF_ROLE: Record<string, readonly Audience[]> = {
  ro: ['case_ro', 'former_ro', 'named'],
  drc_admin: ['case_drc_admin', 'former_drc_admin', 'named'],
  recovery_officer: ['recovery_officer', 'named'],
  supervisor: ['supervisor', 'named'],
  rcmp: ['rcmp', 'named'],
};

/**
 * The event kinds a user of this role may receive, each with its default channels: what their preferences
 * form offers (a kind that never reaches them is not offered).
 */
export function defaultsForRole(table: RoutingTable, role: string): Partial<Record<EventKind, Channel[]>> {
  const mine = AUDIENCES_OF_ROLE[role] ?? ['named'];
  const out: Partial<Record<EventKind, Channel[]>> = {};
  for (const kind of EVENT_KINDS) {
    const channels = table[kind].filter((r) => mine.includes(r.audience)).flatMap((r) => r.channels);
    if (channels.length > 0) out[kind] = CHANNELS.filter((c) => channels.includes(c));
  }
  return out;
}
