import { useCall } from '../data/queries';
import { formatLkr } from '../format/money';
import { formatInstant } from '../format/time';
import { t } from '../i18n/t';

/**
 * What the source systems sent that needs the recovery section: changes parked FAILED after their last attempt,
 * payments for accounts with no case, and money cases hold as credits to refund or re-allocate. Shown only when
 * there is something to show.
 */
export function SourceProblems() {
  // Not every role that opens this page may list them (the query then fails quietly); the bulk upload works regardless.
  const { data } = useCall('listSourceProblems', {});
  if (!data || (data.items.length === 0 && data.credits.length === 0)) return null;
  return (
    <div className="card" data-testid="source-problems">
      <h2>{t('sourceProblems.title')}</h2>
      {data.items.length > 0 && (
        <table>
          <caption>{t('sourceProblems.changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sourceProblems.account')}</th>
              <th scope="col">{t('sourceProblems.amount')}</th>
              <th scope="col">{t('sourceProblems.reason')}</th>
              <th scope="col">{t('sourceProblems.received')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.id}>
                <td>{p.accountNumber}</td>
                <td>{p.amountCents === null ? p.kind : formatLkr(p.amountCents)}</td>
                <td>{p.reason}</td>
                <td>{formatInstant(p.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.credits.length > 0 && (
        <table>
          <caption>{t('sourceProblems.credits')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sourceProblems.case')}</th>
              <th scope="col">{t('sourceProblems.credit')}</th>
              <th scope="col">{t('sourceProblems.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {data.credits.map((k) => (
              <tr key={k.reference}>
                <td>
                  <a href={`#/cases/${encodeURIComponent(k.caseId)}`}>{k.caseId}</a>
                </td>
                <td>{formatLkr(k.creditCents)}</td>
                <td>{k.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
