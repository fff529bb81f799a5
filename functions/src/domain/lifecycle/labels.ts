import { z } from 'zod';
import type { Language } from '../model/languages';
import type { LabelTranslations } from './types';

/**
 * Labels in the reader's language. A case type writes each label in English (`label`) and beside it in Sinhala and
 * Tamil (`labels`); statuses, actions, results, fields and the to-dos its algorithms raise all carry them
 * (docs/decisions/0043-labels-in-the-readers-language.md).
 */
export const labelTranslations = z.strictObject({ si: z.string().trim().min(1), ta: z.string().trim().min(1) });

/** Something with a label: a status, an action, a result, a field, a to-do. */
export interface Labelled {
  label: string;
  labels?: LabelTranslations | null;
}

/** The label in `language`, or the English one when the thing has no translation (a version stored before them). */
export function labelIn(thing: Labelled, language: Language): string {
  if (language === 'en') return thing.label;
  return thing.labels?.[language] ?? thing.label;
}

/**
 * Every label of a configuration that lacks its Sinhala or Tamil, by where it is (`statuses[2]`,
 * `actions[0].results[1].fields[0]`, `statuses[4].hooks.monitoring[1].params.todo`): any object with a string
 * `label`, so a to-do in a new algorithm's parameters is covered without listing it here.
 */
export function untranslatedLabels(config: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.label === 'string' && !labelTranslations.safeParse(record.labels).success) {
      out.push(`${path || '(root)'} “${record.label}”`);
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== 'labels') walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(config, '');
  return out;
}
