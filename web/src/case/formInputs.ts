import { parseRupeesToCents } from '../format/money';
import { t } from '../i18n/t';
import type { FieldSpec } from './schemaFields';

export type FormValues = Record<string, string | boolean>;

export function emptyValues(fields: FieldSpec[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === 'checkbox' ? false : '']));
}

function parseValue(field: FieldSpec, text: string): { value: unknown } | { error: string } {
  switch (field.kind) {
    case 'money': {
      const cents = parseRupeesToCents(text);
      return cents === null ? { error: t('form.badAmount') } : { value: cents };
    }
    case 'integer':
      return /^\d+$/.test(text) ? { value: Number(text) } : { error: t('form.badWholeNumber') };
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? { value: n } : { error: t('form.badNumber') };
    }
    default:
      return { value: text };
  }
}

/**
 * The `inputs` of a caseAction request from what was typed: amounts in rupees become cents,
 * empty optional fields are left out. Text that cannot be a value is refused here, before submitting.
 */
export function toInputs(
  fields: FieldSpec[],
  values: FormValues,
): { inputs: Record<string, unknown>; errors: Record<string, string> } {
  const inputs: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (typeof raw === 'boolean') {
      inputs[field.name] = raw;
      continue;
    }
    const text = (raw ?? '').trim();
    if (text === '') {
      if (field.required) errors[field.name] = t('form.required');
      continue;
    }
    const parsed = parseValue(field, text);
    if ('error' in parsed) errors[field.name] = parsed.error;
    else inputs[field.name] = parsed.value;
  }
  return { inputs, errors };
}
