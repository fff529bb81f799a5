import { useQueryClient } from '@tanstack/react-query';
import './compliance.css';
import { useEffect } from 'react';
import { useCall } from '../data/queries';
import { t } from '../i18n/t';
import { gateSentence, type ContactCheckView } from './contactGate';

/**
 * The contact gate's verdict on contacting the case's customer now on `channel`, for the RO's contact form: read
 * again whenever the channel or the case changes. Undefined while unknown (no channel chosen, offline, or a
 * caller the check is not for): the form then submits as before and the server decides.
 */
export function useContactGate(caseId: string, channel: string, rev: number, enabled: boolean) {
  const on = enabled && channel !== '';
  const input = { caseId, channel: channel as 'phone' };
  const qc = useQueryClient();
  const query = useCall('checkContact', input, { enabled: on, retry: false, staleTime: 30_000 });
  // A new revision (a contact just recorded, an indicator raised) may change the verdict: check again.
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: ['checkContact'] });
  }, [qc, rev]);
  return {
    check: on && !query.error ? query.data : undefined,
    checking: on && query.isLoading,
    // Offline the check cannot run; the form still queues the contact, and the server's gate decides when it is sent.
    unchecked: on && !!query.error,
  };
}

export function ContactGateNotice({
  check,
  checking,
  unchecked = false,
}: {
  check: ContactCheckView | undefined;
  checking: boolean;
  unchecked?: boolean;
}) {
  if (checking) return <p className="hint">{t('gate.checking')}</p>;
  if (unchecked)
    return (
      <p className="form-warning" role="status" data-testid="contact-gate-unchecked">
        {t('gate.unchecked')}
      </p>
    );
  const sentence = check ? gateSentence(check) : null;
  if (!check || !sentence) return null;
  const blocked = check.decision === 'block';
  return (
    <p
      className={blocked ? 'form-error' : 'form-warning'}
      role={blocked ? 'alert' : 'status'}
      data-testid={`contact-gate-${check.decision}`}
    >
      {sentence}
    </p>
  );
}
