import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../functions/src/domain/contracts/types';
import type { CaseHold } from '../../../functions/src/domain/model/case';
import { hrefFor } from '../app/route';
import { amountDueCents, formatLkr } from '../format/money';
import { formatDate, formatInstant } from '../format/time';
import { t, tOr } from '../i18n/t';
import { CaseMoneyTables } from './CaseMoneyTables';
import { labelText } from '../i18n/labels';

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children || t('case.none')}</dd>
    </div>
  );
}

/** "On hold by case <id>: <reason>", the case id a link to that case. */
function HoldBanner({ hold }: { hold: CaseHold }) {
  // The sentence is translated whole; the case id goes where its {caseId} is.
  const [before = '', after = ''] = t('case.hold').split('{caseId}');
  const withReason = (text: string) => text.replace('{reason}', () => hold.reason);
  return (
    <div className="hold-banner" role="note" data-testid="case-hold">
      <p>
        <strong>
          {withReason(before)}
          <a href={hrefFor({ page: 'case', caseId: hold.byCaseId })}>{hold.byCaseId}</a>
          {withReason(after)}
        </strong>
      </p>
      <p className="hint">{t('case.holdSince', { at: formatInstant(hold.since) })}</p>
    </div>
  );
}

/** The case header: who owes what, where it stands, and who works it. */
export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const { case: c } = detail;
  const address = [c.customer.address, c.customer.city].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="case-title" className="case-summary">
      <h1 id="case-title">{t('case.account', { account: c.accountNumber })}</h1>
      {c.hold && <HoldBanner hold={c.hold} />}
      <dl className="kv-grid">
        <Item label={t('case.customer')}>{c.customer.name}</Item>
        <Item label={t('case.phone')}>{c.customer.phone}</Item>
        <Item label={t('case.address')}>{address}</Item>
        <Item label={t('case.status')} testId="case-status">
          {labelText({ label: detail.statusLabel, labels: detail.statusLabels })}
        </Item>
        <Item label={t('case.requiredAction')}>{tOr(`requiredAction.${c.requiredAction}`, c.requiredAction)}</Item>
        <Item label={t('case.drc')}>{detail.drcName ?? c.drcId}</Item>
        <Item label={t('case.ro')}>{detail.roName ?? c.roId}</Item>
        <Item label={t('case.arrears')}>{formatLkr(c.arrearsCents)}</Item>
        <Item label={t('case.paid')}>{formatLkr(c.paidCents)}</Item>
        <Item label={t('case.amountDue')} testId="case-amount-due">
          {formatLkr(amountDueCents(c))}
        </Item>
        {(c.creditCents ?? 0) > 0 && (
          <Item label={t('case.credit')} testId="case-credit">
            {formatLkr(c.creditCents ?? 0)}
          </Item>
        )}
        <Item label={t('case.validUntil')}>{formatInstant(c.assignment.validUntil)}</Item>
        <Item label={t('case.nextFollowUp')}>{formatDate(c.nextFollowUpOn)}</Item>
        {(c.workLists ?? []).length > 0 && (
          <Item label={t('case.workLists')} testId="case-work-lists">
            <ul className="tags">
              {c.workLists.map((w) => (
                <li key={w} className="tag">
                  {tOr(`workList.${w}`, w)}
                </li>
              ))}
            </ul>
          </Item>
        )}
      </dl>
      <CaseMoneyTables c={c} />
    </section>
  );
}
