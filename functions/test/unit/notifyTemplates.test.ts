import fc from 'fast-check';
import { EVENT_KINDS } from '../../src/domain/notifications/events';
import {
  LANGUAGES,
  missingTranslations,
  render,
  TEMPLATES,
  type Language,
  type TemplateKey,
  type TemplateTable,
} from '../../src/domain/notifications/templates';

/** The notification templates in English, Sinhala and Tamil, without Firestore. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const englishKeys = Object.keys(TEMPLATES.en) as TemplateKey[];
const SCRIPT: Record<Language, RegExp> = { en: /^[\x20-\x7E\n×]*$/, si: /[\u0D80-\u0DFF]/, ta: /[\u0B80-\u0BFF]/ };

/** A value for every variable a key's English template uses, each unmistakable in the output. */
function varsFor(key: TemplateKey): Record<string, string> {
  const t = TEMPLATES.en[key]!;
  return Object.fromEntries(placeholders(t.subject + t.body).map((name) => [name, `<${name}-value>`]));
}

describe('every kind has an English template to fall back on', () => {
  it('staff templates for every event kind, and the customer reminder', () => {
    expect(englishKeys).toEqual(expect.arrayContaining([...EVENT_KINDS, 'promise_due.customer']));
  });
});

describe('rendering in English, Sinhala and Tamil', () => {
  const cases = LANGUAGES.flatMap((language) => englishKeys.map((key) => [language, key] as const));

  it.each(cases)('%s %s: its own script, every variable filled, no placeholder left', (language, key) => {
    const vars = varsFor(key);
    const r = render(key, language, vars);
    const own = Boolean(TEMPLATES[language][key]);
    expect(r.language).toBe(own ? language : 'en');
    expect(r.missing).toEqual(own ? null : { language, key });
    const text = `${r.subject}\n${r.body}`;
    expect(text).not.toMatch(/\{\w+\}/);
    for (const value of Object.values(vars)) expect(text).toContain(value);
    // Script check on the text without the variables (values are ASCII).
    const bare = Object.values(vars).reduce((s, v) => s.split(v).join(''), text);
    expect(bare).toMatch(SCRIPT[r.language]);
  });

  it('a translation uses exactly the variables of its English original', () => {
    for (const language of LANGUAGES) {
      for (const key of englishKeys) {
        const t = TEMPLATES[language][key];
        if (!t) continue;
        const en = TEMPLATES.en[key]!;
        expect([`${language} ${key}`, [...new Set(placeholders(t.subject + t.body))].sort()]).toEqual([
          `${language} ${key}`,
          [...new Set(placeholders(en.subject + en.body))].sort(),
        ]);
      }
    }
  });

  it('renders a known Sinhala and Tamil assignment word for word', () => {
    const vars = { account: '0041234567', to: 'Roshan' };
    expect(render('case_assigned', 'si', vars)).toEqual({
      subject: 'ගිණුම 0041234567 පවරන ලදී',
      body: 'ගිණුම 0041234567 හි නඩුව Roshan වෙත පවරන ලදී.',
      language: 'si',
      missing: null,
    });
    expect(render('case_assigned', 'ta', vars).body).toBe('கணக்கு 0041234567 இன் வழக்கு Roshan க்கு ஒதுக்கப்பட்டது.');
    expect(render('case_assigned', 'en', vars).body).toBe('Case 0041234567 has been assigned to Roshan.');
  });

  it('customers get their reminder in their own language, never a fallback', () => {
    for (const language of LANGUAGES) expect(render('promise_due.customer', language, {}).missing).toBeNull();
  });
});

describe('missing translations', () => {
  const table: TemplateTable = {
    en: {
      case_overdue: { subject: 'Overdue {account}', body: 'Case {account} is overdue.' },
      digest: { subject: 'Digest', body: 'Hello {name}' },
    },
    si: { case_overdue: { subject: 'ප්‍රමාදයි {account}', body: 'ගිණුම {account}' } },
    ta: {},
  };

  it('fall back to English and say which language and key were missing', () => {
    expect(render('case_overdue', 'ta', { account: '42' }, table)).toEqual({
      subject: 'Overdue 42',
      body: 'Case 42 is overdue.',
      language: 'en',
      missing: { language: 'ta', key: 'case_overdue' },
    });
    expect(render('case_overdue', 'si', { account: '42' }, table)).toMatchObject({ language: 'si', missing: null });
  });

  it('are listed for the translators, and the list agrees with what render reports', () => {
    expect(missingTranslations(table)).toEqual([
      { language: 'si', key: 'digest' },
      { language: 'ta', key: 'case_overdue' },
      { language: 'ta', key: 'digest' },
    ]);
    const reported = LANGUAGES.flatMap((language) =>
      englishKeys.flatMap((key) => render(key, language, {}).missing ?? []),
    );
    expect(reported).toEqual(missingTranslations());
  });

  it('a key missing even in English is an error, not an empty message', () => {
    expect(() => render('escalation', 'si', {}, table)).toThrow('no template escalation, not even in English');
  });
});

describe('variables', () => {
  it('an unknown variable renders as empty, never as the raw placeholder', () => {
    expect(render('case_overdue', 'en', { account: '7' }).body).toBe('Case 7 is overdue: .');
  });

  it('property: values are inserted verbatim, once, even when they look like placeholders or patterns', () => {
    const expected: Record<Language, (account: string, task: string) => string> = {
      en: (a, t) => `Case ${a} is overdue: ${t}.`,
      si: (a, t) => `ගිණුම ${a} ප්‍රමාද වී ඇත: ${t}.`,
      ta: (a, t) => `கணக்கு ${a} தாமதமாகியுள்ளது: ${t}.`,
    };
    const tricky = fc
      .array(fc.oneof(fc.string(), fc.constantFrom('{task}', '{account}', '{name}', '$&', '$1', '$$', '\\')))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(tricky, tricky, fc.constantFrom(...LANGUAGES), (account, task, language) => {
        expect(render('case_overdue', language, { account, task }).body).toBe(expected[language](account, task));
      }),
    );
  });
});
