import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../functions/src/api/contract';
import { amountDueCents, formatLkr } from '../format/money';
import { formatDate, formatInstant } from '../format/time';
import { t, tOr } from '../i18n/t';
import { CaseMoneyTables } from './CaseMoneyTables';

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children || t('case.none')}</dd>
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
      <dl className="kv-grid">
        <Item label={t('case.customer')}>{c.customer.name}</Item>
        <Item label={t('case.phone')}>{c.customer.phone}</Item>
        <Item label={t('case.address')}>{address}</Item>
        <Item label={t('case.status')} testId="case-status">
          {detail.statusLabel}
        </Item>
        <Item label={t('case.requiredAction')}>{tOr(`requiredAction.${c.requiredAction}`, c.requiredAction)}</Item>
        <Item label={t('case.drc')}>{detail.drcName ?? c.drcId}</Item>
        <Item label={t('case.ro')}>{detail.roName ?? c.roId}</Item>
        <Item label={t('case.arrears')}>{formatLkr(c.arrearsCents)}</Item>
        <Item label={t('case.paid')}>{formatLkr(c.paidCents)}</Item>
        <Item label={t('case.amountDue')} testId="case-amount-due">
          {formatLkr(amountDueCents(c))}
        </Item>
        <Item label={t('case.validUntil')}>{formatInstant(c.assignment.validUntil)}</Item>
        <Item label={t('case.nextFollowUp')}>{formatDate(c.nextFollowUpOn)}</Item>
      </dl>
      <CaseMoneyTables c={c} />
    </section>
  );
}
