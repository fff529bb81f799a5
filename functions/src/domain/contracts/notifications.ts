import { z } from 'zod';
import { documentId } from '../model/ids';
import { EVENT_KINDS } from '../notifications/events';
import { AUDIENCES, CHANNELS, routingOverridesSchema } from '../notifications/routing';
import { templateOverridesSchema } from '../notifications/templateSchema';
import { LANGUAGES } from '../notifications/templates';
import { INBOX_ROLES, NOTIFY_CONFIG_EDITORS, NOTIFY_CONFIG_READERS } from '../policy/operationRoles';
import { defineContract } from './define';

/**
 * The in-app inbox (each user reads and marks only their own entries), each user's notification preferences, and
 * the configuration administrators edit: who receives what (routing) and what the messages say (templates). The
 * input schemas are the settings forms' own validation.
 */

export const notifyChannel = z.enum(CHANNELS);
export const notifyLanguage = z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` });
export type NotifyChannel = z.infer<typeof notifyChannel>;
export type NotifyLanguage = z.infer<typeof notifyLanguage>;

// ---- inbox ----

/** REST clients send the query string as text: "true"/"false" and digits are taken as what they say. */
const queryBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
  error: 'must be true or false',
});
const queryInt = z.union([z.number(), z.string().regex(/^\d+$/, 'must be a whole number').transform(Number)], {
  error: 'must be a whole number',
});

export const listInboxInput = z.strictObject({
  limit: queryInt
    .pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100'))
    .optional()
    .describe('How many entries, 1-100 (default 30), newest first.'),
  unreadOnly: queryBoolean.optional().describe('Only the entries not yet read.'),
});

export const markInboxReadInput = z
  .strictObject({
    ids: z.array(documentId('a message id')).max(100).optional().describe('The entries to mark read.'),
    all: z.boolean().optional().describe('Mark every entry read.'),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { message: 'give ids or all: true', path: ['ids'] });

export const inboxItemView = z.object({
  id: z.string(),
  kind: z.string(),
  caseId: z.string().nullable(),
  /** In the recipient's preferred language when it was sent. */
  title: z.string(),
  body: z.string(),
  /** The entry in each language, for a client showing it in the reader's current language (null: an older entry). */
  texts: z
    .object({
      en: z.object({ title: z.string(), body: z.string() }),
      si: z.object({ title: z.string(), body: z.string() }),
      ta: z.object({ title: z.string(), body: z.string() }),
    })
    .nullable()
    .default(null),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const listInboxOutput = z.object({ items: z.array(inboxItemView), unread: z.number().int() });

export const listInbox = defineContract({
  name: 'listInbox',
  area: 'notifications',
  summary: 'The caller’s in-app notifications, newest first, and how many are unread.',
  roles: INBOX_ROLES,
  rest: { method: 'GET', path: '/inbox', tag: 'Inbox' },
  input: listInboxInput,
  output: listInboxOutput,
});

export const markInboxRead = defineContract({
  name: 'markInboxRead',
  area: 'notifications',
  summary: 'Mark some of the caller’s notifications read (ids), or all of them (all: true).',
  description: 'Ids that are not the caller’s own are skipped: `marked` counts only what changed.',
  roles: INBOX_ROLES,
  rest: { method: 'POST', path: '/inbox/read', tag: 'Inbox' },
  input: markInboxReadInput,
  output: z.object({ marked: z.number().int() }),
});

// ---- preferences ----

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const channelFlags = z.strictObject({
  inapp: z.boolean().optional(),
  sms: z.boolean().optional(),
  email: z.boolean().optional(),
});

export const saveNotificationPrefsInput = z.strictObject({
  channels: z.partialRecord(z.enum(EVENT_KINDS), channelFlags),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).nullable(),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'is not a time zone'),
  language: notifyLanguage,
  phone: z
    .string()
    .regex(/^\+[1-9]\d{7,14}$/, 'must be an international number, like +94771234567')
    .nullable(),
  digest: z.boolean(),
});

export const notificationPrefsView = z.object({
  channels: z.record(
    z.string(),
    z.object({ inapp: z.boolean().optional(), sms: z.boolean().optional(), email: z.boolean().optional() }),
  ),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  timeZone: z.string(),
  language: notifyLanguage,
  phone: z.string().nullable(),
  digest: z.boolean(),
  /** The event kinds and each one's default channels for this user's role, for the form. */
  defaults: z.record(z.string(), z.array(notifyChannel)),
});

export const getNotificationPrefs = defineContract({
  name: 'getNotificationPrefs',
  area: 'notifications',
  summary: 'The caller’s notification preferences, with their role’s default channels per event kind.',
  roles: INBOX_ROLES,
  input: z.strictObject({}),
  output: notificationPrefsView,
});

export const saveNotificationPrefs = defineContract({
  name: 'saveNotificationPrefs',
  area: 'notifications',
  summary: 'Replace the caller’s notification preferences (audited).',
  roles: INBOX_ROLES,
  input: saveNotificationPrefsInput,
  output: notificationPrefsView,
});

// ---- routing ----

/** One routing rule: an audience, the channels it is reached on, and for levelled kinds the level it applies to. */
export const routeRuleView = z.object({
  audience: z.string(),
  channels: z.array(notifyChannel),
  level: z.number().int().optional(),
});

export const templateView = z.object({ subject: z.string(), body: z.string() });
const templatesByKey = z.record(z.string(), templateView.optional());
export const templateTableView = z.object({ en: templatesByKey, si: templatesByKey, ta: templatesByKey });

export const notificationRoutingView = z.object({
  version: z.number().int(),
  /** The rules in force for every event kind (configured or default). */
  routing: z.record(z.string(), z.array(routeRuleView)),
  /** The kinds an administrator configured. */
  configured: z.array(z.string()),
  /** The built-in rules, so a form can show what a kind returns to when its configuration is removed. */
  defaults: z.record(z.string(), z.array(routeRuleView)),
  audiences: z.array(z.enum(AUDIENCES)).readonly(),
  channels: z.array(notifyChannel).readonly(),
  /** The message templates per language; a kind missing in Sinhala or Tamil is sent in English. */
  templates: templateTableView,
});

export const saveNotificationRoutingInput = z.strictObject({
  expectedVersion: z.number().int().min(0),
  /** Per event kind, the rules that replace its defaults; kinds left out keep (or return to) the defaults. */
  overrides: routingOverridesSchema,
});

export const getNotificationRouting = defineContract({
  name: 'getNotificationRouting',
  area: 'notifications',
  summary: 'Who receives what: the rules in force per event kind, the defaults, and the message templates.',
  roles: NOTIFY_CONFIG_READERS,
  input: z.strictObject({}),
  output: notificationRoutingView,
});

export const saveNotificationRouting = defineContract({
  name: 'saveNotificationRouting',
  area: 'notifications',
  summary: 'Replace the routing of the event kinds an administrator configures (versioned and audited).',
  description: 'A stale expectedVersion is refused (FAILED_PRECONDITION); a customer rule needs a customer text.',
  roles: NOTIFY_CONFIG_EDITORS,
  input: saveNotificationRoutingInput,
  output: notificationRoutingView,
});

// ---- templates ----

export const notificationTemplatesView = z.object({
  version: z.number().int(),
  /** The texts in force, per language and template key (`{kind}` for staff, `{kind}.customer` for customers). */
  templates: templateTableView,
  /** The shipped texts, so a form can show what an edited text returns to when reset. */
  defaults: templateTableView,
  /** The administrator's edits, the ones a save replaces. */
  overrides: templateTableView.partial(),
  /** The variables each kind of notification can use. */
  variables: z.record(z.string(), z.array(z.string()).readonly()),
  /** Kinds a customer message may be written for. */
  customerKinds: z.array(z.string()).readonly(),
  /** Texts a language lacks, which go out in English. */
  missing: z.array(z.object({ language: notifyLanguage, key: z.string() })),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const saveNotificationTemplatesInput = z.strictObject({
  expectedVersion: z.number().int().min(0),
  /** Every edit; texts left out are (or return to) the shipped ones. */
  overrides: templateOverridesSchema,
});

export const getNotificationTemplates = defineContract({
  name: 'getNotificationTemplates',
  area: 'notifications',
  summary: 'What notifications say: the texts in force per language, the shipped ones, and the edits.',
  roles: NOTIFY_CONFIG_READERS,
  input: z.strictObject({}),
  output: notificationTemplatesView,
});

export const saveNotificationTemplates = defineContract({
  name: 'saveNotificationTemplates',
  area: 'notifications',
  summary: 'Replace the edited notification texts (checked, versioned and audited).',
  description: 'Only the variables a kind carries may be used; a stale expectedVersion is refused.',
  roles: NOTIFY_CONFIG_EDITORS,
  input: saveNotificationTemplatesInput,
  output: notificationTemplatesView,
});

export const NOTIFICATIONS_CONTRACTS = [
  listInbox,
  markInboxRead,
  getNotificationPrefs,
  saveNotificationPrefs,
  getNotificationRouting,
  saveNotificationRouting,
  getNotificationTemplates,
  saveNotificationTemplates,
] as const;

export type InboxItemView = z.infer<typeof inboxItemView>;
export type ListInboxInput = z.input<typeof listInboxInput>;
export type ListInboxOutput = z.infer<typeof listInboxOutput>;
export type MarkInboxReadInput = z.input<typeof markInboxReadInput>;
export type NotificationPrefsView = z.infer<typeof notificationPrefsView>;
/** Channels keyed by any string: a form keeps kinds as text, and the schema refuses a kind that is not one. */
export type SaveNotificationPrefsInput = Omit<z.input<typeof saveNotificationPrefsInput>, 'channels'> & {
  channels: NotificationPrefsView['channels'];
};
export type RouteRuleView = z.infer<typeof routeRuleView>;
export type NotificationRoutingView = z.infer<typeof notificationRoutingView>;
export type SaveNotificationRoutingInput = z.input<typeof saveNotificationRoutingInput>;
export type TemplateView = z.infer<typeof templateView>;
export type TemplateTableView = z.infer<typeof templateTableView>;
export type NotificationTemplatesView = z.infer<typeof notificationTemplatesView>;
export type SaveNotificationTemplatesInput = z.input<typeof saveNotificationTemplatesInput>;
