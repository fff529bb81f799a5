import type {
  NotificationTemplatesView,
  NotifyLanguage,
  TemplateTableView,
  TemplateView,
} from '../../../functions/src/domain/contracts/types';
import { LANGUAGES } from '../../../functions/src/domain/model/languages';

/** One message the screen can edit: a staff message per kind, and a customer SMS per case kind. */
export interface MessageChoice {
  key: string;
  kind: string;
  customer: boolean;
}

/** Staff messages first in the server's order, each followed by its customer SMS where one may exist. */
export function messageChoices(view: Pick<NotificationTemplatesView, 'variables' | 'customerKinds'>): MessageChoice[] {
  return Object.keys(view.variables).flatMap((kind) => [
    { key: kind, kind, customer: false },
    ...(view.customerKinds.includes(kind) ? [{ key: `${kind}.customer`, kind, customer: true }] : []),
  ]);
}

const EMPTY: TemplateView = { subject: '', body: '' };

export function textOf(table: Partial<TemplateTableView>, language: NotifyLanguage, key: string): TemplateView {
  return table[language]?.[key] ?? EMPTY;
}

const same = (a: TemplateView | undefined, b: TemplateView | undefined) =>
  (a?.subject ?? '').trim() === (b?.subject ?? '').trim() && (a?.body ?? '').trim() === (b?.body ?? '').trim();

/**
 * The edits to save: every text that differs from the shipped one. A text emptied where nothing was shipped is no
 * edit (a customer SMS started and abandoned); one emptied where a text was shipped is kept, for the server to refuse.
 */
export function overridesOf(draft: TemplateTableView, defaults: TemplateTableView): Partial<TemplateTableView> {
  const out: Partial<TemplateTableView> = {};
  for (const language of LANGUAGES) {
    for (const [key, text] of Object.entries(draft[language] ?? {})) {
      const shipped = defaults[language]?.[key];
      if (!text || same(text, shipped)) continue;
      if (!shipped && !text.subject.trim() && !text.body.trim()) continue;
      (out[language] ??= {})[key] = text;
    }
  }
  return out;
}

/** Whether one text differs from the shipped one (where nothing ships, whether anything was written). */
export function isTextEdited(text: TemplateView | undefined, shipped: TemplateView | undefined): boolean {
  if (!text) return false;
  if (!shipped) return Boolean(text.subject.trim() || text.body.trim());
  return !same(text, shipped);
}

/** Whether a message differs from the shipped text in any language (the "edited" mark). */
export function isEdited(draft: TemplateTableView, defaults: TemplateTableView, key: string): boolean {
  return LANGUAGES.some((l) => isTextEdited(draft[l]?.[key], defaults[l]?.[key]));
}

/** The draft with one text replaced. */
export function withText(
  draft: TemplateTableView,
  language: NotifyLanguage,
  key: string,
  text: TemplateView,
): TemplateTableView {
  return { ...draft, [language]: { ...draft[language], [key]: text } };
}

/** Inserts `{variable}` at the cursor (or replaces the selection), returning the new text and cursor position. */
export function insertAt(text: string, start: number, end: number, variable: string): { text: string; cursor: number } {
  const token = `{${variable}}`;
  return { text: text.slice(0, start) + token + text.slice(end), cursor: start + token.length };
}
