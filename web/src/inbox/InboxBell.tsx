import { hrefFor, type Route } from '../app/route';
import { formatNumber } from '../format/money';
import { t } from '../i18n/t';
import { useInbox } from './InboxProvider';
import './inbox.css';

/** The header's bell: the unread count, live, linking to the inbox. */
export function InboxBell({ route }: { route: Route }) {
  const { inbox } = useInbox();
  const unread = inbox?.unread ?? 0;
  const shown = unread > 99 ? '99+' : formatNumber(unread);
  return (
    <a
      href={hrefFor({ page: 'inbox' })}
      className="inbox-bell"
      data-testid="inbox-bell"
      aria-current={route.page === 'inbox' ? 'page' : undefined}
      aria-label={unread > 0 ? t('inbox.bellUnread', { count: shown }) : t('inbox.bell')}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="inbox-count" data-testid="inbox-count">
          {shown}
        </span>
      )}
    </a>
  );
}
