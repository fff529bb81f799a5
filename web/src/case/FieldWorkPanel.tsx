import type { CaseView } from '../../../functions/src/domain/contracts/types';
import { TableScroll } from '../caseTypes/TableScroll';
import { formatLkr } from '../format/money';
import { formatDate, formatInstant } from '../format/time';
import { humanize, t, tOr } from '../i18n/t';

/** Whether the case has any field work to show (and so its fold). */
export function hasFieldWork(c: CaseView): boolean {
  return (!!c.boardPhase && !!c.board) || (c.roRequests ?? []).length > 0 || (c.approvals ?? []).length > 0;
}

/**
 * The RO's field work that is waiting on someone or worth seeing at a glance: their requests and
 * each one's state, settlements waiting for a supervisor, and where the case stands before the mediation board.
 * The history of the customer's contact details is in the Customer 360 panel (CustomerPanel.tsx).
 * Under the fold headed `fieldwork-title` (CasePage.tsx).
 */
export function FieldWorkPanel({ c }: { c: CaseView }) {
  const requests = c.roRequests ?? [];
  const approvals = c.approvals ?? [];
  const col = {
    kind: t('roRequest.kind'),
    reason: t('roRequest.reason'),
    requestedAt: t('roRequest.requestedAt'),
    state: t('roRequest.state'),
  };
  return (
    <section aria-labelledby="fieldwork-title" data-testid="field-work">
      {c.boardPhase && c.board && (
        <section aria-labelledby="board-title" data-testid="board">
          <h3 id="board-title">{t('board.title')}</h3>
          <p data-testid="board-phase">
            {t('board.phase')}: {tOr(`boardPhase.${c.boardPhase}`, humanize(c.boardPhase))}
          </p>
          <ul>
            <li>{t('board.escalated', { at: formatInstant(c.board.escalatedAt), reason: c.board.reason })}</li>
            {c.board.letterIssuedAt && (
              <li>{t('board.letterIssued', { at: formatInstant(c.board.letterIssuedAt) })}</li>
            )}
            {c.board.hearingDate && (
              <li>
                {t('board.hearing', { date: formatDate(c.board.hearingDate), place: c.board.hearingPlace ?? '' })}
              </li>
            )}
            {c.board.customerResponse && (
              <li>
                {t('board.response')}: {tOr(`option.${c.board.customerResponse}`, humanize(c.board.customerResponse))}
                {c.board.customerResponseNotes ? ` (${c.board.customerResponseNotes})` : ''}
              </li>
            )}
            {c.board.outcome && (
              <li>
                {t('board.outcome')}: {tOr(`option.${c.board.outcome}`, humanize(c.board.outcome))}
              </li>
            )}
          </ul>
        </section>
      )}
      {requests.length > 0 && (
        <section aria-labelledby="ro-requests-title" data-testid="ro-requests">
          <h3 id="ro-requests-title">{t('roRequest.title')}</h3>
          <TableScroll labelledBy="ro-requests-title">
            <table className="small-table stack-table">
              <thead>
                <tr>
                  {Object.values(col).map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id} data-testid={`ro-request-${r.kind}`}>
                    <td data-label={col.kind}>
                      {tOr(`roRequest.kind.${r.kind}`, humanize(r.kind))}
                      {r.days ? ` (${t('roRequest.days', { days: r.days })})` : ''}
                    </td>
                    <td data-label={col.reason}>{r.reason}</td>
                    <td data-label={col.requestedAt}>{formatInstant(r.requestedAt)}</td>
                    <td data-label={col.state} data-testid={`ro-request-state-${r.id}`}>
                      {tOr(`roRequest.state.${r.state}`, humanize(r.state))}
                      {r.note ? `: ${r.note}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      {approvals.length > 0 && (
        <section aria-labelledby="approvals-title" data-testid="approvals">
          <h3 id="approvals-title">{t('approval.title')}</h3>
          <ul>
            {approvals.map((a) => (
              <li key={a.id} data-testid={`approval-${a.state}`}>
                {t('approval.settlement', {
                  amount: formatLkr(Number(a.details.agreedCents)),
                  discount: formatLkr(Number(a.details.discountCents)),
                  instalments: String(a.details.instalments),
                })}{' '}
                — {tOr(`approval.state.${a.state}`, humanize(a.state))}
                {a.note ? `: ${a.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
