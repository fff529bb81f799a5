import type { Me } from '../../../functions/src/domain/contracts/types';
import { t } from '../i18n/t';
import { usePresence } from './usePresence';

/**
 * "Roshan Perera is working on this case": shown while another user holds the customer's lease; and to the holder
 * whose longest continuous hold ran out, while others get their turn.
 */
export function PresenceBanner({ caseId, me }: { caseId: string; me: Me }) {
  const { other, paused } = usePresence(caseId, me.role === 'ro');
  if (paused && !other)
    return (
      <p className="presence-banner" role="status" data-testid="presence-paused">
        {t('presence.holdLimit')}
      </p>
    );
  if (!other) return null;
  return (
    <p className="presence-banner" role="status" data-testid="presence-banner">
      {other.holder
        ? t(other.onThisCase ? 'presence.onThisCase' : 'presence.withCustomer', { name: other.holder.displayName })
        : t('presence.someoneWithCustomer')}
    </p>
  );
}
