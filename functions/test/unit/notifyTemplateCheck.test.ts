import { EVENT_KINDS } from '../../src/domain/notifications/events';
import {
  CUSTOMER_KINDS,
  placeholderProblem,
  preview,
  SAMPLE_VARS,
  smsParts,
  TEMPLATE_VARIABLES,
  templateOverrideProblems,
  templateProblems,
  templatesWith,
} from '../../src/domain/notifications/templateCheck';
import { LANGUAGES, missingTranslations, TEMPLATES, type TemplateKey } from '../../src/domain/notifications/templates';
import { templateOverridesSchema } from '../../src/domain/notifications/templateSchema';

describe('what a template may say', () => {
  it('every shipped template uses only its kind’s variables, and passes its own check', () => {
    for (const language of LANGUAGES) {
      for (const [key, template] of Object.entries(TEMPLATES[language]) as [
        TemplateKey,
        { subject: string; body: string },
      ][]) {
        expect([language, key, templateProblems(key, template)]).toEqual([language, key, {}]);
      }
    }
  });

  it('every kind has its variables and every variable has a sample, so a preview has no holes', () => {
    expect(Object.keys(TEMPLATE_VARIABLES).sort()).toEqual([...EVENT_KINDS].sort());
    for (const vars of Object.values(TEMPLATE_VARIABLES)) for (const v of vars) expect(SAMPLE_VARS).toHaveProperty(v);
  });

  it('a typo in a variable names it and lists what the message can use', () => {
    const why = placeholderProblem('Dear {name}, account {acount} is due {due}.', TEMPLATE_VARIABLES.promise_due);
    expect(why).toMatch(/uses \{acount\}, which this message does not have/);
    expect(why).toMatch(/\{account\}/);
  });

  it('a half-typed placeholder is refused', () => {
    expect(placeholderProblem('Case {account is due', ['account'])).toMatch(/\{ or \}/);
    expect(placeholderProblem('Case account} is due', ['account'])).toMatch(/\{ or \}/);
    expect(placeholderProblem('Case {account} is due', ['account'])).toBeNull();
  });

  it('staff messages need a subject; a customer SMS does not; bodies are required and bounded', () => {
    expect(templateProblems('case_assigned', { subject: ' ', body: 'x' })).toEqual({ subject: 'is required' });
    expect(templateProblems('promise_due.customer', { subject: '', body: 'Pay by {due}.' })).toEqual({});
    expect(templateProblems('promise_due.customer', { subject: '', body: '  ' })).toEqual({ body: 'is required' });
    expect(templateProblems('digest', { subject: 'x', body: 'y'.repeat(1001) }).body).toMatch(/longer than 1000/);
  });

  it('a translation emptied means "not translated": no problem, and the message falls back to English', () => {
    expect(templateProblems('case_assigned', { subject: '', body: ' ' }, 'si')).toEqual({});
    expect(templateProblems('case_assigned', { subject: 'x', body: '' }, 'si')).toEqual({ body: 'is required' });
    expect(templateProblems('case_assigned', { subject: '', body: '' }, 'en')).toMatchObject({ body: 'is required' });
    const table = templatesWith(TEMPLATES, { si: { case_assigned: { subject: '', body: '' } } });
    expect(table.si).not.toHaveProperty('case_assigned');
    expect(missingTranslations(table)).toContainEqual({ language: 'si', key: 'case_assigned' });
  });

  it('a set of edits is checked per language, key and field; customer texts only for case kinds; English first', () => {
    const problems = templateOverrideProblems({
      en: { case_assigned: { subject: 'Case {acount}', body: 'ok' }, 'digest.customer': { subject: '', body: 'x' } },
      si: { 'promise_broken.customer': { subject: '', body: 'ගිණුම {account}' } },
    });
    expect(problems).toEqual({
      'en.case_assigned.subject': expect.stringMatching(/\{acount\}/),
      'en.digest.customer.body': 'this kind of notification is not sent to customers',
      'si.promise_broken.customer.body': expect.stringMatching(/English text first/),
    });
    expect(CUSTOMER_KINDS).not.toContain('import_finished');
    expect(
      templateOverrideProblems({
        en: { 'promise_broken.customer': { subject: '', body: 'Dear {name}, please call us about {account}.' } },
        si: { 'promise_broken.customer': { subject: '', body: 'ගිණුම {account}' } },
      }),
    ).toEqual({});
  });

  it('edits lay over the shipped texts without touching the rest', () => {
    const table = templatesWith(TEMPLATES, { ta: { digest: { subject: 'S', body: 'B {count}' } } });
    expect(table.ta.digest).toEqual({ subject: 'S', body: 'B {count}' });
    expect(table.ta.case_assigned).toEqual(TEMPLATES.ta.case_assigned);
    expect(table.en).toEqual(TEMPLATES.en);
    expect(preview('digest', 'ta', table)).toEqual({ subject: 'S', body: 'B 5' });
  });

  it('the stored shape refuses unknown languages and keys', () => {
    expect(templateOverridesSchema.safeParse({ fr: {} }).success).toBe(false);
    expect(templateOverridesSchema.safeParse({ en: { nope: { subject: '', body: '' } } }).success).toBe(false);
    expect(templateOverridesSchema.safeParse({ en: { digest: { subject: 'a', body: 'b', x: 1 } } }).success).toBe(
      false,
    );
    expect(
      templateOverridesSchema.safeParse({ en: { 'promise_due.customer': { subject: '', body: 'b' } } }).success,
    ).toBe(true);
  });
});

describe('SMS parts', () => {
  it('plain English is GSM-7: 160 in one part, 153 per part beyond', () => {
    expect(smsParts('a'.repeat(160))).toEqual({ parts: 1, encoding: 'GSM-7', length: 160 });
    expect(smsParts('a'.repeat(161)).parts).toBe(2);
    expect(smsParts('a'.repeat(306)).parts).toBe(2);
    expect(smsParts('a'.repeat(307)).parts).toBe(3);
    expect(smsParts('').parts).toBe(0);
  });

  it('escaped GSM characters count twice', () => {
    expect(smsParts('€'.repeat(80))).toEqual({ parts: 1, encoding: 'GSM-7', length: 160 });
    expect(smsParts('€'.repeat(81)).parts).toBe(2);
  });

  it('Sinhala and Tamil are UCS-2: 70 in one part, 67 per part beyond', () => {
    expect(smsParts('ග'.repeat(70))).toEqual({ parts: 1, encoding: 'UCS-2', length: 70 });
    expect(smsParts('ග'.repeat(71)).parts).toBe(2);
    expect(smsParts('க'.repeat(135)).parts).toBe(3);
  });
});
