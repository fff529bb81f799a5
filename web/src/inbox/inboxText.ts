import type { InboxItemView } from '../../../functions/src/domain/contracts/types';
import { currentLanguage } from '../i18n/locale';

/**
 * An inbox entry in the language the reader has now: the server renders each entry in every language from the same
 * templates and values; an entry written before that shows the text it was sent with.
 */
export function inboxText(item: Pick<InboxItemView, 'title' | 'body' | 'texts'>): { title: string; body: string } {
  return item.texts?.[currentLanguage()] ?? { title: item.title, body: item.body };
}
