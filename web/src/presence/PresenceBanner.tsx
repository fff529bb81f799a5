import { t } from '../i18n/t';
import { usePresence } from './usePresence';

/** "Roshan Perera is working on this case": shown while another user holds the customer's lease. */
export function PresenceBanner({ caseId }: { caseId: string }) {
  const { other } = usePresence(caseId);
  if (!other) return null;
  return (
    <p className="presence-banner" role="status" data-testid="presence-banner">
      {t(other.onThisCase ? 'presence.onThisCase' : 'presence.withCustomer', { name: other.holder.displayName })}
    </p>
  );
}
