import { LANGUAGES, type Language } from '../model/languages';
import type { Instant } from '../model/time';
import { customerRecipientKey, deliveryId, unsentDelivery, type Delivery } from './delivery';
import type { NotifyEvent } from './events';
import { channelsFor, quietUntil, type Preferences } from './preferences';
import { DEFAULT_ROUTING, rulesFor, type Audience, type Channel, type RoutingTable } from './routing';
import { render, TEMPLATES, type TemplateTable } from './templates';

/** A user who may receive notifications, with their preferences. */
export interface UserRecipient {
  uid: string;
  displayName: string;
  email: string | null;
  prefs: Preferences;
}

/** An in-app inbox entry (`inbox/{id}`), readable by its owner only. */
export interface InboxItem {
  id: string;
  uid: string;
  eventId: string;
  kind: NotifyEvent['kind'];
  caseId: string | null;
  /** In the recipient's preferred language when it was sent (API clients, entries written before `texts`). */
  title: string;
  body: string;
  /**
   * The entry in every language, from the same templates and values, so the web shows it in the language the reader
   * has now, not the one they had when it was sent (docs/decisions/0043-labels-in-the-readers-language.md).
   */
  texts?: Record<Language, { title: string; body: string }>;
  createdAt: Instant;
  readAt: Instant | null;
  /**
   * True until read. Kept beside readAt because unread lists and counts filter on it: an equality on a boolean
   * runs everywhere, where `readAt == null` beside another filter does not on the offline Firestore (0004).
   */
  unread: boolean;
}

export interface Plan {
  inbox: InboxItem[];
  deliveries: Delivery[];
  /** Recipients a channel could not reach (no phone number, no email), for the log. */
  skipped: { uid: string; channel: string; why: string }[];
  /** Templates that fell back to English. */
  missing: { language: string; key: string }[];
}

/**
 * Routing, preferences, quiet hours and rendering of one event, in process: which people, on which
 * channels, what text, and from when. Pure, so the same event always plans the same documents.
 */
export function planNotifications(
  event: NotifyEvent,
  audiences: Partial<Record<Audience, UserRecipient[]>>,
  now: Instant,
  options: { routing?: RoutingTable; templates?: TemplateTable } = {},
): Plan {
  const plan: Plan = { inbox: [], deliveries: [], skipped: [], missing: [] };
  const recipients = new Map<string, { user: UserRecipient; channels: Channel[] }>();
  const base = {
    eventId: event.id,
    kind: event.kind,
    caseId: event.caseFacts?.caseId ?? null,
    ...unsentDelivery(now),
  };
  for (const rule of rulesFor(options.routing ?? DEFAULT_ROUTING, event.kind, event.level)) {
    if (rule.audience === 'customer') {
      const customer = event.caseFacts?.customer;
      if (!customer?.phone || !rule.channels.includes('sms')) continue;
      const templates = options.templates ?? TEMPLATES;
      if (!templates.en[`${event.kind}.customer`]) {
        // A routing saved before routingProblems refused this: skip the customer rather than fail the whole event.
        plan.skipped.push({ uid: customerRecipientKey(customer.key), channel: 'sms', why: 'no customer template' });
        continue;
      }
      const text = render(
        `${event.kind}.customer`,
        customer.language,
        { ...event.vars, name: customer.name },
        templates,
      );
      if (text.missing) plan.missing.push(text.missing);
      plan.deliveries.push({
        ...base,
        id: deliveryId(event.id, customerRecipientKey(customer.key), 'sms'),
        channel: 'sms',
        recipient: { kind: 'customer', uid: null, address: customer.phone, customerKey: customer.key },
        language: text.language,
        subject: text.subject,
        body: text.body,
        missingTranslation: text.missing,
        state: 'PENDING',
        // The compliance gate decides at send time (quiet hours, caps): due now.
        dueAt: now,
      });
      continue;
    }
    // A person in two audiences (the case's RO who is also named) is one recipient on every channel either
    // rule gives them, not only the first rule's.
    for (const user of audiences[rule.audience] ?? []) {
      const known = recipients.get(user.uid);
      if (known) known.channels = [...new Set([...known.channels, ...rule.channels])];
      else recipients.set(user.uid, { user, channels: [...rule.channels] });
    }
  }
  for (const { user, channels } of recipients.values()) {
    const text = render(
      event.kind,
      user.prefs.language,
      { ...event.vars, name: user.displayName },
      options.templates ?? TEMPLATES,
    );
    if (text.missing) plan.missing.push(text.missing);
    const quiet = quietUntil(now, user.prefs.quietHours, user.prefs.timeZone);
    for (const channel of channelsFor(user.prefs, event.kind, channels)) {
      const id = deliveryId(event.id, user.uid, channel);
      if (channel === 'inapp') {
        const vars = { ...event.vars, name: user.displayName };
        const texts = Object.fromEntries(
          LANGUAGES.map((language) => {
            const inLanguage = render(event.kind, language, vars, options.templates ?? TEMPLATES);
            return [language, { title: inLanguage.subject, body: inLanguage.body }];
          }),
        ) as Record<Language, { title: string; body: string }>;
        plan.inbox.push({
          id,
          uid: user.uid,
          eventId: event.id,
          kind: event.kind,
          caseId: base.caseId,
          title: text.subject,
          body: text.body,
          texts,
          createdAt: now,
          readAt: null,
          unread: true,
        });
        continue;
      }
      const address = channel === 'sms' ? user.prefs.phone : user.email;
      if (!address) {
        plan.skipped.push({
          uid: user.uid,
          channel,
          why: channel === 'sms' ? 'no phone number' : 'no email address',
        });
        continue;
      }
      plan.deliveries.push({
        ...base,
        id,
        channel,
        recipient: { kind: 'user', uid: user.uid, address, customerKey: null },
        language: text.language,
        subject: text.subject,
        body: text.body,
        missingTranslation: text.missing,
        state: 'PENDING',
        // In-app lands at once; SMS and email wait for the end of the user's quiet hours.
        dueAt: quiet ?? now,
      });
    }
  }
  return plan;
}
