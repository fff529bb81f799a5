import { labelIn, type Labelled } from '../../../functions/src/domain/lifecycle/labels';
import { currentLanguage } from './locale';

export type { Labelled };

/**
 * A case type's label (status, action, result, field, to-do) in the reader's language, from the configuration's own
 * translations; English where the case type's version has none (docs/decisions/0043-labels-in-the-readers-language.md).
 */
export function labelText(thing: Labelled): string {
  return labelIn(thing, currentLanguage());
}

/** A status in the reader's language, from its configured labels; its code when the status is not configured. */
export function statusText(code: string, status?: Labelled): string {
  return status ? labelText(status) : code;
}
