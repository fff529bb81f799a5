import { useState } from 'react';
import type { AuditTrailReport } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { t } from '../i18n/t';

type VerifyState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; report: AuditTrailReport }
  | { status: 'failed'; error: ShownError };

/** "Verify the chains": checks every hash chain and says they are intact, or where each broken one breaks. */
export function VerifyChains({ onShowEntity }: { onShowEntity(entity: string): void }) {
  const [state, setState] = useState<VerifyState>({ status: 'idle' });

  const onVerify = async () => {
    setState({ status: 'pending' });
    try {
      setState({ status: 'done', report: await call('verifyAuditTrail', {}) });
    } catch (error) {
      setState({ status: 'failed', error: describeError(error) });
    }
  };

  return (
    <div className="verify">
      <button
        type="button"
        className="secondary"
        data-testid="audit-verify"
        disabled={state.status === 'pending'}
        onClick={() => void onVerify()}
      >
        {t('audit.verify')}
      </button>
      {state.status === 'pending' && (
        <p role="status" className="hint">
          {t('audit.verifying')}
        </p>
      )}
      {state.status === 'failed' && (
        <div className="form-error" role="alert" data-testid="audit-verify-result">
          <p>{state.error.message}</p>
        </div>
      )}
      {state.status === 'done' &&
        (state.report.broken.length === 0 ? (
          <p className="form-ok" role="status" data-testid="audit-verify-result">
            {t('audit.intact', { events: state.report.events, chains: state.report.entities })}
          </p>
        ) : (
          <div className="form-error" role="alert" data-testid="audit-verify-result">
            <p>
              {t('audit.broken', {
                broken: state.report.broken.length,
                chains: state.report.entities,
                events: state.report.events,
              })}
            </p>
            <ul className="problems">
              {state.report.broken.map((b) => (
                <li key={b.entity} data-testid="audit-broken-chain">
                  <button type="button" className="link-button break-long" onClick={() => onShowEntity(b.entity)}>
                    <span className="visually-hidden">{t('audit.showChainOf')} </span>
                    {b.entity}
                  </button>
                  , {t('audit.brokenAt', { seq: b.seq, reason: b.reason })}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}
