import { useState } from 'react';
import type { InboxItemView } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { formatInstant } from '../format/time';
import { FormError } from '../forms/FormFeedback';
import { inboxText } from './inboxText';
import { t, tOr, humanize } from '../i18n/t';
import { INBOX_MAX, useInbox } from './InboxProvider';
import './inbox.css';

const kindLabel = (kind: string) => tOr(`routing.kind.${kind}`, humanize(kind));

/** The in-app inbox, newest first; each entry links to its case and can be marked read. */
export function InboxPage() {
  const { inbox, error, limit, showMore, markRead } = useInbox();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const items = (inbox?.items ?? []).filter((i) => !unreadOnly || !i.readAt);
  const unread = inbox?.unread ?? 0;

  return (
    <section aria-labelledby="inbox-title" className="inbox-page">
      <div className="page-title-row">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        <a href={hrefFor({ page: 'preferences' })} data-testid="inbox-preferences-link">
          {t('inbox.preferencesLink')}
        </a>
      </div>
      <div className="toolbar">
        <p role="status" data-testid="inbox-summary">
          {inbox ? t('inbox.summary', { unread: String(unread) }) : t('inbox.loading')}
        </p>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.target.checked)}
            data-testid="inbox-unread-only"
          />{' '}
          {t('inbox.unreadOnly')}
        </label>
        <button
          type="button"
          className="secondary"
          disabled={unread === 0}
          onClick={() => void markRead({ all: true })}
          data-testid="inbox-mark-all"
        >
          {t('inbox.markAll')}
        </button>
      </div>
      {error && <FormError error={error} shownFields={[]} testId="inbox-error" />}
      {inbox && items.length === 0 && (
        <p className="muted" data-testid="inbox-empty">
          {unreadOnly ? t('inbox.noneUnread') : t('inbox.empty')}
        </p>
      )}
      <ul className="inbox-list" data-testid="inbox-list">
        {items.map((item) => (
          <InboxEntry key={item.id} item={item} onRead={() => void markRead({ ids: [item.id] })} />
        ))}
      </ul>
      {inbox && inbox.items.length >= limit && limit < INBOX_MAX && (
        <button type="button" className="secondary" onClick={showMore} data-testid="inbox-more">
          {t('inbox.more')}
        </button>
      )}
    </section>
  );
}

function InboxEntry({ item, onRead }: { item: InboxItemView; onRead: () => void }) {
  const unread = !item.readAt;
  const text = inboxText(item);
  return (
    <li className={unread ? 'inbox-item unread' : 'inbox-item'} data-testid="inbox-item" data-kind={item.kind}>
      <div className="inbox-item-head">
        <span className={unread ? 'badge badge-open' : 'badge'}>{kindLabel(item.kind)}</span>
        {unread && <span className="visually-hidden">{t('inbox.unreadMark')}</span>}
        <time dateTime={item.createdAt}>{formatInstant(item.createdAt)}</time>
      </div>
      <p className="inbox-item-title">
        {item.caseId ? (
          <a href={hrefFor({ page: 'case', caseId: item.caseId })} onClick={unread ? onRead : undefined}>
            {text.title}
          </a>
        ) : (
          text.title
        )}
      </p>
      <p className="inbox-item-body">{text.body}</p>
      {unread && (
        <button type="button" className="link-button" onClick={onRead} data-testid="inbox-mark-read">
          {t('inbox.markRead')}
        </button>
      )}
    </li>
  );
}
