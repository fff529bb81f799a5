import type { ReactNode } from 'react';
import type { CaseDetail, CaseView } from '../../../functions/src/domain/contracts/types';
import type { CaseHold } from '../../../functions/src/domain/model/case';
import { hrefFor } from '../app/route';
import { amountDueCents, formatLkr } from '../format/money';
import { formatDate, formatInstant } from '../format/time';
import { t, tOr } from '../i18n/t';
import { todoTitle } from './timelineText';
import { labelText } from '../i18n/labels';
import { dialable, nextStep, openPromise, phonesOf } from './glance';

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

/** A call and a text message to each of the customer's numbers: one tap on a phone. */
function PhoneLinks({ c }: { c: CaseView }) {
  const phones = phonesOf(c.customer);
  if (phones.length === 0) return null;
  return (
    <ul className="phone-links" aria-label={t('case.phones')} data-testid="phone-links">
      {phones.map((phone, i) => (
        <li key={phone}>
          <a className="button-link" href={`tel:${dialable(phone)}`} data-testid={`call-${i}`}>
            {t('case.call', { phone })}
          </a>
          <a className="button-link secondary" href={`sms:${dialable(phone)}`} data-testid={`sms-${i}`}>
            {t('case.sms')}
            <span className="visually-hidden"> {phone}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function NextStep({ c }: { c: CaseView }) {
  const step = nextStep(c, Date.now());
  if (!step) return <>{t('case.nothingNext')}</>;
  const late = step.overdue && <span className="badge badge-warn">{t('todos.overdue')}</span>;
  if (step.kind === 'followUp') {
    return (
      <>
        {t('case.nextFollowUpText', { date: formatDate(step.date) })} {late}
      </>
    );
  }
  return (
    <>
      {todoTitle(step.task)}
      {step.task.dueAt && (
        <span className="glance-when"> · {t('todos.due', { at: formatInstant(step.task.dueAt) })}</span>
      )}{' '}
      {late}
    </>
  );
}

/**
 * The first screen of the case: whose it is, how to reach them, what they owe and promised, and what to do next.
 * Everything else about the case is in the folds below (CaseFacts and the others, CasePage.tsx).
 */
export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const { case: c } = detail;
  const address = [c.customer.address, c.customer.city].filter(Boolean).join(', ');
  const promise = openPromise(c);
  return (
    <section aria-labelledby="case-title" className="case-summary">
      <div className="case-title-row">
        <h1 id="case-title">{t('case.account', { account: c.accountNumber })}</h1>
        <p className="case-status-line">
          <span className="visually-hidden">{t('case.status')}: </span>
          <span className="badge badge-open" data-testid="case-status">
            {labelText({ label: detail.statusLabel, labels: detail.statusLabels })}
          </span>
        </p>
      </div>
      {c.hold && <HoldBanner hold={c.hold} />}
      <div className="glance">
        <p className="glance-customer">
          <span className="visually-hidden">{t('case.customer')}: </span>
          <strong data-testid="case-customer">{c.customer.name}</strong>
          {address && <span className="glance-address">{address}</span>}
        </p>
        <PhoneLinks c={c} />
        <dl className="glance-figures">
          <div className="kv">
            <dt>{t('case.amountDue')}</dt>
            <dd className="glance-amount" data-testid="case-amount-due">
              {formatLkr(amountDueCents(c))}
            </dd>
          </div>
          <div className="kv">
            <dt>{t('case.promise')}</dt>
            <dd data-testid="case-promise">
              {promise
                ? t('case.promiseText', { amount: formatLkr(promise.amountCents), date: formatDate(promise.dueDate) })
                : t('case.noPromise')}
            </dd>
          </div>
          <div className="kv glance-next">
            <dt>{t('case.next')}</dt>
            <dd data-testid="case-next-step">
              <NextStep c={c} />
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}

/** The rest of what is known about the case, in a fold below the work. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { case: c } = detail;
  const address = [c.customer.address, c.customer.city].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="facts-title" data-testid="case-facts">
      <dl className="kv-grid">
        <Item label={t('case.customer')}>{c.customer.name}</Item>
        <Item label={t('case.phone')}>{phonesOf(c.customer).join(', ')}</Item>
        <Item label={t('case.address')}>{address}</Item>
        <Item label={t('case.status')}>{labelText({ label: detail.statusLabel, labels: detail.statusLabels })}</Item>
        <Item label={t('case.requiredAction')}>{tOr(`requiredAction.${c.requiredAction}`, c.requiredAction)}</Item>
        <Item label={t('case.drc')}>{detail.drcName ?? c.drcId}</Item>
        <Item label={t('case.ro')}>{detail.roName ?? c.roId}</Item>
        <Item label={t('case.arrears')}>{formatLkr(c.arrearsCents)}</Item>
        <Item label={t('case.paid')}>{formatLkr(c.paidCents)}</Item>
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
    </section>
  );
}
