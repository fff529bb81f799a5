import type { Role } from '../model/roles';
import type { Instant } from '../model/time';
import { deliveryId, unsentDelivery, type Delivery } from './delivery';
import type { Language, Template } from './templates';

/**
 * The invitation email: it carries the invited person's set-password link, so it goes to them and nobody else.
 * It is not an event kind: routing is configurable, and no routing may send this link to anyone but the invitee.
 */
export const INVITATION_TEXTS: Record<Language, Template> = {
  en: {
    subject: 'Your DebtX account',
    body: 'Dear {name}, an account has been created for you in DebtX ({role}). Set your password with this link: {link}\nIf you did not expect this email, ignore it.',
  },
  si: {
    subject: 'ඔබගේ DebtX ගිණුම',
    body: 'හිතවත් {name}, DebtX හි ඔබට ගිණුමක් සාදා ඇත ({role}). මෙම සබැඳියෙන් ඔබගේ මුරපදය සකසන්න: {link}\nඔබ මෙම ඊමේල් පණිවිඩය බලාපොරොත්තු නොවූයේ නම්, එය නොසලකා හරින්න.',
  },
  ta: {
    subject: 'உங்கள் DebtX கணக்கு',
    body: 'அன்புள்ள {name}, DebtX இல் உங்களுக்கு ஒரு கணக்கு உருவாக்கப்பட்டுள்ளது ({role}). இந்த இணைப்பின் மூலம் உங்கள் கடவுச்சொல்லை அமைக்கவும்: {link}\nஇந்த மின்னஞ்சலை நீங்கள் எதிர்பார்க்கவில்லை என்றால், இதைப் புறக்கணிக்கவும்.',
  },
};

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/** The outbox message that takes the link to the invited person (one per invited account: its id is fixed). */
export function invitationDelivery(
  invitee: { uid: string; email: string; displayName: string; role: Role },
  language: Language,
  link: string,
  now: Instant,
): Delivery {
  const texts = INVITATION_TEXTS[language];
  const vars = { name: invitee.displayName, role: invitee.role, link };
  const eventId = `invite:${invitee.uid}`;
  return {
    id: deliveryId(eventId, invitee.uid, 'email'),
    eventId,
    kind: 'user_invited',
    channel: 'email',
    recipient: { kind: 'user', uid: invitee.uid, address: invitee.email, customerKey: null },
    caseId: null,
    language,
    subject: fill(texts.subject, vars),
    body: fill(texts.body, vars),
    missingTranslation: null,
    state: 'PENDING',
    dueAt: now,
    ...unsentDelivery(now),
  };
}
