import { describe, expect, it } from 'vitest';
import type { ListInboxOutput, NotificationPrefsView } from '../../../functions/src/domain/contracts/types';
import { setLanguage } from '../i18n/locale';
import { inboxText } from './inboxText';
import { markedLocally } from './markedLocally';
import { draftOf, inputOf } from './prefsForm';

/** The web client's inbox and preference form logic, without a browser. */
const inbox: ListInboxOutput = {
  unread: 5,
  items: [
    {
      id: 'a',
      kind: 'case_assigned',
      caseId: 'c1',
      title: 'A',
      body: '',
      createdAt: '2026-12-01T00:00:00Z',
      readAt: null,
      texts: null,
    },
    {
      id: 'b',
      kind: 'promise_due',
      caseId: 'c2',
      title: 'B',
      body: '',
      createdAt: '2026-11-30T00:00:00Z',
      readAt: null,
      texts: null,
    },
    {
      id: 'c',
      kind: 'promise_due',
      caseId: null,
      title: 'C',
      body: '',
      createdAt: '2026-11-29T00:00:00Z',
      readAt: '2026-11-29T01:00:00Z',
      texts: null,
    },
  ],
};

describe('marking read before the server answers', () => {
  it('marks the named unread entries and lowers the count by as many', () => {
    const next = markedLocally(inbox, { ids: ['a', 'c', 'zzz'] }, 'NOW');
    expect(next.items.map((i) => i.readAt)).toEqual(['NOW', null, '2026-11-29T01:00:00Z']);
    expect(next.unread).toBe(4);
  });

  it('mark all clears the count, even for entries beyond the page', () => {
    const next = markedLocally(inbox, { all: true }, 'NOW');
    expect(next.unread).toBe(0);
    expect(next.items.every((i) => i.readAt !== null)).toBe(true);
  });

  it('never goes below zero', () => {
    expect(markedLocally({ ...inbox, unread: 0 }, { ids: ['a', 'b'] }, 'NOW').unread).toBe(0);
  });
});

const view: NotificationPrefsView = {
  channels: { promise_due: { sms: true }, case_assigned: { inapp: false } },
  quietHours: null,
  timeZone: 'Asia/Colombo',
  language: 'si',
  phone: '+94770000001',
  digest: true,
  defaults: { case_assigned: ['inapp', 'email'], promise_due: ['inapp'], escalation: ['inapp', 'sms'] },
};

describe('the preferences form', () => {
  it('starts each box from the user’s choice, else the role’s default', () => {
    const draft = draftOf(view);
    expect(draft.channels.case_assigned).toEqual({ inapp: false, sms: false, email: true });
    expect(draft.channels.promise_due).toEqual({ inapp: true, sms: true, email: false });
    expect(draft.channels.escalation).toEqual({ inapp: true, sms: true, email: false });
    expect(draft.quiet).toBe(false);
  });

  it('saves only the channels that differ from the defaults', () => {
    const draft = draftOf(view);
    const input = inputOf(draft, view.defaults);
    expect(input.channels).toEqual({ case_assigned: { inapp: false }, promise_due: { sms: true } });
    // Turning a box back to its default removes the override.
    draft.channels.promise_due = { inapp: true, sms: false, email: false };
    expect(inputOf(draft, view.defaults).channels).toEqual({ case_assigned: { inapp: false } });
  });

  it('sends quiet hours only when on, a blank phone as none, and a typed phone without spaces', () => {
    const draft = { ...draftOf(view), quiet: true, quietStart: '22:00', quietEnd: '06:30', phone: ' 077 123-4567 ' };
    const input = inputOf(draft, view.defaults);
    expect(input.quietHours).toEqual({ start: '22:00', end: '06:30' });
    expect(input.phone).toBe('0771234567');
    expect(inputOf({ ...draft, phone: '   ' }, view.defaults).phone).toBeNull();
    expect(inputOf({ ...draft, quiet: false }, view.defaults).quietHours).toBeNull();
  });
});

describe('an inbox entry in the reader’s current language', () => {
  it('shows the text in the language the reader has now, and an older entry as it was sent', () => {
    const texts = {
      en: { title: 'Account 1 assigned', body: 'Hello' },
      si: { title: 'ගිණුම 1 පවරන ලදී', body: 'ආයුබෝවන්' },
      ta: { title: 'கணக்கு 1 ஒதுக்கப்பட்டது', body: 'வணக்கம்' },
    };
    setLanguage('ta');
    expect(inboxText({ title: 'Account 1 assigned', body: 'Hello', texts })).toEqual(texts.ta);
    expect(inboxText({ title: 'Sent in English', body: 'b', texts: null })).toEqual({
      title: 'Sent in English',
      body: 'b',
    });
    setLanguage('en');
    expect(inboxText({ title: 'x', body: 'y', texts })).toEqual(texts.en);
  });
});
