/** Inbox and notification preferences, shared by the web client and the callables (issue 6). */
export type NotifyChannel = 'inapp' | 'sms' | 'email';
export type NotifyLanguage = 'en' | 'si' | 'ta';

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
