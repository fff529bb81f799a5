import { describe, expect, it } from 'vitest';
import type { TemplateTableView } from '../../../functions/src/domain/contracts/types';
import { insertAt, isEdited, messageChoices, overridesOf, withText } from './templateDraft';

/** The web client's message-texts form, without a browser. */
const defaults: TemplateTableView = {
  en: {
    case_assigned: { subject: 'Case {account}', body: 'Assigned to {to}.' },
    'promise_due.customer': { subject: 'Reminder', body: 'Pay by {due}.' },
  },
  si: { case_assigned: { subject: 'ගිණුම {account}', body: '{to} වෙත.' } },
  ta: {},
};

describe('message texts form', () => {
  it('offers each staff message, then its customer SMS where the kind is about a case', () => {
    const choices = messageChoices({
      variables: { case_assigned: ['account'], import_finished: ['importId'] },
      customerKinds: ['case_assigned'],
    });
    expect(choices.map((c) => c.key)).toEqual(['case_assigned', 'case_assigned.customer', 'import_finished']);
    expect(choices[1]).toEqual({ key: 'case_assigned.customer', kind: 'case_assigned', customer: true });
  });

  it('saves only texts that differ from the shipped ones (spaces at the ends do not count)', () => {
    let draft = withText(defaults, 'en', 'case_assigned', { subject: 'Case {account} ', body: 'Assigned to {to}.' });
    expect(overridesOf(draft, defaults)).toEqual({});
    expect(isEdited(draft, defaults, 'case_assigned')).toBe(false);
    draft = withText(draft, 'ta', 'case_assigned', { subject: 'கணக்கு {account}', body: '{to} க்கு.' });
    expect(overridesOf(draft, defaults)).toEqual({
      ta: { case_assigned: { subject: 'கணக்கு {account}', body: '{to} க்கு.' } },
    });
    expect(isEdited(draft, defaults, 'case_assigned')).toBe(true);
  });

  it('drops a customer SMS started and abandoned, but keeps a shipped text emptied (for the server to refuse)', () => {
    const started = withText(defaults, 'en', 'promise_broken.customer', { subject: '', body: '  ' });
    expect(overridesOf(started, defaults)).toEqual({});
    const emptied = withText(defaults, 'en', 'case_assigned', { subject: '', body: '' });
    expect(overridesOf(emptied, defaults)).toEqual({ en: { case_assigned: { subject: '', body: '' } } });
  });

  it('inserts a variable at the cursor or over the selection', () => {
    expect(insertAt('Dear , pay', 5, 5, 'name')).toEqual({ text: 'Dear {name}, pay', cursor: 11 });
    expect(insertAt('Case XXX due', 5, 8, 'account')).toEqual({ text: 'Case {account} due', cursor: 14 });
  });
});
