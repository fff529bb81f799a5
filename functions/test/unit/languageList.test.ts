import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../src/domain/model/languages';
import { INVITATION_TEXTS } from '../../src/domain/notifications/invitation';
import { TEMPLATES, LANGUAGES as TEMPLATE_LANGUAGES } from '../../src/domain/notifications/templates';
import { parseCrm } from '../../src/sources/recordSchemas';

const crm = (language: unknown) => ({
  accountNumber: '0041234567',
  name: 'A Customer',
  address: '1 Main Street',
  city: 'Colombo',
  region: 'Western',
  language,
});

describe('one language list for server and web', () => {
  it('is English, Sinhala and Tamil, each with its own name', () => {
    expect(LANGUAGES).toEqual(['en', 'si', 'ta']);
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', si: 'සිංහල', ta: 'தமிழ்' });
  });

  it('is the list the notification templates and invitations are written in, no more and no fewer', () => {
    expect(TEMPLATE_LANGUAGES).toBe(LANGUAGES);
    expect(Object.keys(TEMPLATES).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(INVITATION_TEXTS).sort()).toEqual([...LANGUAGES].sort());
  });

  it('tells a language code from anything else', () => {
    for (const l of LANGUAGES) expect(isLanguage(l)).toBe(true);
    for (const v of ['EN', 'fr', '', null, 1]) expect(isLanguage(v)).toBe(false);
  });

  it('is what a CRM record may say, and a refusal names the list', () => {
    for (const l of LANGUAGES) {
      const r = parseCrm(crm(l));
      expect(r.ok && r.record.language).toBe(l);
    }
    const bad = parseCrm(crm('fr'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toContain(LANGUAGES.join(', '));
  });
});
