import { describeFields } from './describeFields';
import { t } from '../i18n/t';
import { useOfflineQueue } from './useOfflineQueue';

/**
 * What is waiting to be sent and what the server refused: each refused action with the server's
 * reason and the values the RO typed, to send again against the case as it is now, or to discard.
 */
export function OfflineQueuePanel() {
  const { entries, sending, discard, retry, online } = useOfflineQueue();
  if (entries.length === 0 && online) return null;
  const pending = entries.filter((e) => e.state === 'pending');
  const rejected = entries.filter((e) => e.state === 'rejected');
  return (
    <section className="offline-queue card" aria-live="polite" data-testid="offline-queue">
      {!online && <p role="status">{t('offline.youAreOffline')}</p>}
      {pending.length > 0 && (
        <p role="status">{t(sending ? 'offline.sending' : 'offline.waiting', { count: pending.length })}</p>
      )}
      {rejected.map((e) => (
        <div key={e.id} className="form-error" role="alert" data-testid="offline-rejected">
          <p>
            <strong>{t('offline.refused', { label: e.label, caseId: e.body.caseId })}</strong> {e.rejection?.message}
          </p>
          <p className="muted">{t('offline.typed', { values: describeFields(e.body.payload) })}</p>
          <button type="button" onClick={() => void retry(e.id, e.body.caseId)}>
            {t('offline.retry')}
          </button>{' '}
          <button type="button" onClick={() => discard(e.id)}>
            {t('offline.discard')}
          </button>
        </div>
      ))}
    </section>
  );
}
