import type { Language } from '../domain/model/languages';

/** Inbox and notification preferences, shared by the web client and the callables. */
export type NotifyChannel = 'inapp' | 'sms' | 'email';
export type NotifyLanguage = Language;

export interface InboxItemView {
  id: string;
  kind: string;
  caseId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface ListInboxInput {
  limit?: number;
  unreadOnly?: boolean;
}

export interface ListInboxOutput {
  items: InboxItemView[];
  unread: number;
}

export interface MarkInboxReadInput {
  ids?: string[];
  all?: boolean;
}

export interface NotificationPrefsView {
  channels: Record<string, Partial<Record<NotifyChannel, boolean>>>;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  language: NotifyLanguage;
  phone: string | null;
  digest: boolean;
  /** The event kinds and each one's default channels for this user's role, for the form. */
  defaults: Record<string, NotifyChannel[]>;
}

export type SaveNotificationPrefsInput = Omit<NotificationPrefsView, 'defaults'>;

/** One routing rule: an audience, the channels it is reached on, and for levelled kinds the level it applies to. */
export interface RouteRuleView {
  audience: string;
  channels: NotifyChannel[];
  level?: number;
}

/** Who receives what (getNotificationRouting / saveNotificationRouting; admins change it). */
export interface NotificationRoutingView {
  version: number;
  /** The rules in force for every event kind (configured or default). */
  routing: Record<string, RouteRuleView[]>;
  /** The kinds an administrator configured. */
  configured: string[];
  /** The built-in rules, so a form can show what a kind returns to when its configuration is removed. */
  defaults: Record<string, RouteRuleView[]>;
  audiences: readonly string[];
  channels: readonly NotifyChannel[];
  /** The message templates per language; a kind missing in Sinhala or Tamil is sent in English. */
  templates: Record<NotifyLanguage, Partial<Record<string, { subject: string; body: string }>>>;
}

export interface SaveNotificationRoutingInput {
  expectedVersion: number;
  /** Per event kind, the rules that replace its defaults; kinds left out keep (or return to) the defaults. */
  overrides: Record<string, RouteRuleView[]>;
}

export interface TemplateView {
  subject: string;
  body: string;
}
export type TemplateTableView = Record<NotifyLanguage, Partial<Record<string, TemplateView>>>;

/** The message texts (getNotificationTemplates / saveNotificationTemplates; admins change them). */
export interface NotificationTemplatesView {
  version: number;
  /** The texts in force, per language and template key (`{kind}` for staff, `{kind}.customer` for customers). */
  templates: TemplateTableView;
  /** The shipped texts, so a form can show what an edited text returns to when reset. */
  defaults: TemplateTableView;
  /** The administrator's edits, the ones a save replaces. */
  overrides: Partial<TemplateTableView>;
  /** The variables each kind of notification can use. */
  variables: Record<string, readonly string[]>;
  /** Kinds a customer message may be written for. */
  customerKinds: readonly string[];
  /** Texts a language lacks, which go out in English. */
  missing: { language: NotifyLanguage; key: string }[];
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface SaveNotificationTemplatesInput {
  expectedVersion: number;
  /** Every edit; texts left out are (or return to) the shipped ones. */
  overrides: Partial<TemplateTableView>;
}
