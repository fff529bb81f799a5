import type { EventKind } from './events';

import { LANGUAGES, type Language } from '../model/languages';

// Re-exported: the notification modules and callables name the languages through their templates.
export { LANGUAGES, type Language };

export interface Template {
  subject: string;
  body: string;
}

/** Template keys: the event kind for staff, `{kind}.customer` for what a customer receives. */
export type TemplateKey = EventKind | `${EventKind}.customer`;
export type TemplateTable = Record<Language, Partial<Record<TemplateKey, Template>>>;

/**
 * Plain-text templates in English, Sinhala and Tamil (the languages of DebtX's users). Variables are `{name}`;
 * an unknown variable renders as empty rather than as the raw placeholder a customer would see.
 */
export const TEMPLATES: TemplateTable = {
  en: {
    case_assigned: { subject: 'Case {account} assigned', body: 'Case {account} has been assigned to {to}.' },
    status_changed: { subject: 'Case {account}: {status}', body: 'Case {account} moved from {from} to {status}.' },
    approval_needed: { subject: 'Approval needed: {account}', body: 'Case {account} needs your approval: {task}.' },
    approval_decided: {
      subject: 'Approval decided: {account}',
      body: 'The approval on case {account} was decided: {task}.',
    },
    case_overdue: { subject: 'Case {account} is overdue', body: 'Case {account} is overdue: {task}.' },
    promise_due: {
      subject: 'Promise due: {account}',
      body: 'The customer on case {account} promised to pay by {due}.',
    },
    'promise_due.customer': {
      subject: 'Payment reminder',
      body: 'Dear {name}, this is a reminder that your payment on account {account} is due on {due}. Thank you.',
    },
    promise_broken: {
      subject: 'Promise broken: {account}',
      body: 'The promise to pay by {due} on case {account} was broken.',
    },
    validity_expiring: {
      subject: 'Validity ends soon: {account}',
      body: 'Your assignment of case {account} ends soon: {task}.',
    },
    validity_expired: {
      subject: 'Validity expired: {account}',
      body: 'The assignment of case {account} expired; it is back with the DRC.',
    },
    case_returned: {
      subject: 'Case {account} returned to the recovery section',
      body: 'The validity of case {account} ended on {due} without an extension; the case is back with the recovery section to be placed again.',
    },
    case_handed_back: {
      subject: 'Case {account} needs an RO',
      body: 'The RO of case {account} has left your DRC; the case is back with you, unassigned.',
    },
    follow_up_due: { subject: 'Follow-up due: {account}', body: 'A follow-up on case {account} is due {due}: {task}.' },
    escalation: {
      subject: 'Escalation: case {account} overdue {days} days',
      body: 'Case {account} has been overdue for {days} days (since {since}). Please act or reassign it.',
    },
    import_finished: {
      subject: 'Import {importId} finished',
      body: 'Your bulk import {importId} finished: {registered} registered, {rejected} rejected.',
    },
    digest: { subject: 'DebtX: your day ({count} items)', body: 'Good morning {name}. Since yesterday:\n{summary}' },
  },
  si: {
    case_assigned: { subject: 'ගිණුම {account} පවරන ලදී', body: 'ගිණුම {account} හි නඩුව {to} වෙත පවරන ලදී.' },
    status_changed: {
      subject: 'ගිණුම {account}: {status}',
      body: 'ගිණුම {account} හි තත්ත්වය {from} සිට {status} දක්වා වෙනස් විය.',
    },
    approval_needed: { subject: 'අනුමැතිය අවශ්‍යයි: {account}', body: 'ගිණුම {account} සඳහා ඔබේ අනුමැතිය අවශ්‍යයි: {task}.' },
    approval_decided: { subject: 'අනුමැතිය තීරණය විය: {account}', body: 'ගිණුම {account} හි අනුමැතිය තීරණය විය: {task}.' },
    case_overdue: { subject: 'ගිණුම {account} ප්‍රමාදයි', body: 'ගිණුම {account} ප්‍රමාද වී ඇත: {task}.' },
    promise_due: {
      subject: 'පොරොන්දුව නියමිතයි: {account}',
      body: 'ගිණුම {account} හි පාරිභෝගිකයා {due} වන විට ගෙවීමට පොරොන්දු විය.',
    },
    'promise_due.customer': {
      subject: 'ගෙවීම් සිහිකැඳවීම',
      body: 'හිතවත් {name}, ගිණුම {account} සඳහා ඔබේ ගෙවීම {due} දින නියමිත බව සිහිපත් කරමු. ස්තූතියි.',
    },
    promise_broken: { subject: 'පොරොන්දුව කඩ විය: {account}', body: 'ගිණුම {account} හි {due} දිනට දුන් ගෙවීමේ පොරොන්දුව කඩ විය.' },
    validity_expiring: {
      subject: 'වලංගු කාලය අවසන් වෙමින්: {account}',
      body: 'ගිණුම {account} හි ඔබේ පැවරුම ඉක්මනින් අවසන් වේ: {task}.',
    },
    validity_expired: {
      subject: 'වලංගු කාලය අවසන්: {account}',
      body: 'ගිණුම {account} හි පැවරුම අවසන් විය; එය නැවත DRC වෙත ගියේය.',
    },
    case_returned: {
      subject: 'ගිණුම {account} අයකර ගැනීමේ අංශයට ආපසු ගියේය',
      body: 'ගිණුම {account} හි වලංගු කාලය දීර්ඝ කිරීමකින් තොරව {due} දින අවසන් විය; නැවත පැවරීම සඳහා නඩුව අයකර ගැනීමේ අංශය වෙත ආපසු ගියේය.',
    },
    case_handed_back: {
      subject: 'ගිණුම {account} සඳහා RO කෙනෙක් අවශ්‍යයි',
      body: 'ගිණුම {account} හි RO ඔබේ DRC එකෙන් ඉවත් විය; නඩුව පැවරීමකින් තොරව නැවත ඔබ වෙත පැමිණ ඇත.',
    },
    follow_up_due: { subject: 'පසු විපරම නියමිතයි: {account}', body: 'ගිණුම {account} හි පසු විපරමක් {due} නියමිතයි: {task}.' },
    escalation: {
      subject: 'උත්සන්න කිරීම: ගිණුම {account} දින {days} ප්‍රමාදයි',
      body: 'ගිණුම {account} දින {days} ක් ({since} සිට) ප්‍රමාදයි. කරුණාකර ක්‍රියා කරන්න හෝ නැවත පවරන්න.',
    },
    import_finished: {
      subject: 'ආයාතය {importId} අවසන්',
      body: 'ඔබේ තොග ආයාතය {importId} අවසන් විය: {registered} ලියාපදිංචි කළා, {rejected} ප්‍රතික්ෂේප කළා.',
    },
    digest: { subject: 'DebtX: ඔබේ දිනය (අයිතම {count})', body: 'සුබ උදෑසනක් {name}. ඊයේ සිට:\n{summary}' },
  },
  ta: {
    case_assigned: { subject: 'கணக்கு {account} ஒதுக்கப்பட்டது', body: 'கணக்கு {account} இன் வழக்கு {to} க்கு ஒதுக்கப்பட்டது.' },
    status_changed: {
      subject: 'கணக்கு {account}: {status}',
      body: 'கணக்கு {account} இன் நிலை {from} இலிருந்து {status} ஆக மாறியது.',
    },
    approval_needed: { subject: 'ஒப்புதல் தேவை: {account}', body: 'கணக்கு {account} க்கு உங்கள் ஒப்புதல் தேவை: {task}.' },
    approval_decided: { subject: 'ஒப்புதல் முடிவு: {account}', body: 'கணக்கு {account} இன் ஒப்புதல் முடிவானது: {task}.' },
    case_overdue: { subject: 'கணக்கு {account} தாமதம்', body: 'கணக்கு {account} தாமதமாகியுள்ளது: {task}.' },
    promise_due: {
      subject: 'வாக்குறுதி நிலுவை: {account}',
      body: 'கணக்கு {account} இன் வாடிக்கையாளர் {due} க்குள் செலுத்துவதாக வாக்களித்தார்.',
    },
    'promise_due.customer': {
      subject: 'கட்டண நினைவூட்டல்',
      body: 'அன்புள்ள {name}, கணக்கு {account} க்கான உங்கள் கட்டணம் {due} அன்று செலுத்தப்பட வேண்டும். நன்றி.',
    },
    promise_broken: {
      subject: 'வாக்குறுதி மீறப்பட்டது: {account}',
      body: 'கணக்கு {account} இல் {due} க்கான கட்டண வாக்குறுதி மீறப்பட்டது.',
    },
    validity_expiring: {
      subject: 'செல்லுபடி முடிவடைகிறது: {account}',
      body: 'கணக்கு {account} இன் உங்கள் ஒதுக்கீடு விரைவில் முடிவடைகிறது: {task}.',
    },
    validity_expired: {
      subject: 'செல்லுபடி முடிந்தது: {account}',
      body: 'கணக்கு {account} இன் ஒதுக்கீடு முடிந்தது; அது DRC க்குத் திரும்பியது.',
    },
    case_returned: {
      subject: 'கணக்கு {account} மீட்புப் பிரிவுக்குத் திரும்பியது',
      body: 'கணக்கு {account} இன் செல்லுபடி நீட்டிப்பு இல்லாமல் {due} அன்று முடிந்தது; மீண்டும் ஒதுக்கப்படுவதற்காக வழக்கு மீட்புப் பிரிவுக்குத் திரும்பியது.',
    },
    case_handed_back: {
      subject: 'கணக்கு {account} க்கு ஒரு RO தேவை',
      body: 'கணக்கு {account} இன் RO உங்கள் DRC யிலிருந்து விலகினார்; வழக்கு ஒதுக்கப்படாமல் உங்களிடம் திரும்பியது.',
    },
    follow_up_due: {
      subject: 'பின்தொடர்வு நிலுவை: {account}',
      body: 'கணக்கு {account} இல் பின்தொடர்வு {due} நிலுவையில் உள்ளது: {task}.',
    },
    escalation: {
      subject: 'மேலனுப்புதல்: கணக்கு {account} {days} நாட்கள் தாமதம்',
      body: 'கணக்கு {account} {days} நாட்களாக ({since} முதல்) தாமதமாக உள்ளது. தயவுசெய்து நடவடிக்கை எடுக்கவும்.',
    },
    import_finished: {
      subject: 'இறக்குமதி {importId} முடிந்தது',
      body: 'உங்கள் மொத்த இறக்குமதி {importId} முடிந்தது: {registered} பதிவு செய்யப்பட்டன, {rejected} நிராகரிக்கப்பட்டன.',
    },
    digest: { subject: 'DebtX: உங்கள் நாள் ({count} உருப்படிகள்)', body: 'காலை வணக்கம் {name}. நேற்றிலிருந்து:\n{summary}' },
  },
};

export interface Rendered {
  subject: string;
  body: string;
  language: Language;
  /** Set when the requested language lacked this template and English was used instead. */
  missing: { language: Language; key: TemplateKey } | null;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/** Renders a template in the language asked for, falling back to English and saying so. */
export function render(
  key: TemplateKey,
  language: Language,
  vars: Record<string, string>,
  table: TemplateTable = TEMPLATES,
): Rendered {
  const own = table[language]?.[key];
  const template = own ?? table.en[key];
  if (!template) throw new Error(`no template ${key}, not even in English`);
  return {
    subject: fill(template.subject, vars),
    body: fill(template.body, vars),
    language: own ? language : 'en',
    missing: own ? null : { language, key },
  };
}

/** Every (language, key) that falls back to English: the translators' to-do list. */
export function missingTranslations(table: TemplateTable = TEMPLATES): { language: Language; key: TemplateKey }[] {
  const keys = Object.keys(table.en) as TemplateKey[];
  return LANGUAGES.flatMap((language) => keys.filter((key) => !table[language][key]).map((key) => ({ language, key })));
}
