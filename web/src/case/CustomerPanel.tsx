import { useQuery } from '@tanstack/react-query';
import type { CustomerOverview } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { TableScroll } from '../caseTypes/TableScroll';
import { call } from '../api/call';
import { opKey, shownError } from '../data/queries';
import { formatLkr } from '../format/money';
import { formatDate, formatInstant } from '../format/time';
import { humanize, t, tOr } from '../i18n/t';
import { labelText } from '../i18n/labels';

/**
 * The customer's overview, read again whenever this case changes (its revision): a contact correction made
 * here shows at once; the other cases are as they were when the case last changed or the page was opened.
 */
function useCustomerOverview(caseId: string, rev: number) {
  const { data, error } = useQuery({
    queryKey: [...opKey('customerOverview', { caseId }), rev],
    queryFn: () => call('customerOverview', { caseId }),
    // The overview as of the previous revision stays on screen until the new one arrives.
    placeholderData: (previous) => previous,
  });
  return { overview: data ?? null, error: shownError(error) };
}

function OtherCases({ overview }: { overview: CustomerOverview }) {
  if (overview.otherCases.length === 0) {
    return <p data-testid="c360-no-other-cases">{t('c360.noOtherCases')}</p>;
  }
  const col = {
    account: t('cases.col.account'),
    status: t('cases.col.status'),
    action: t('cases.col.requiredAction'),
    arrears: t('case.arrears'),
    due: t('cases.col.amountDue'),
    drc: t('cases.col.drc'),
    ro: t('cases.col.ro'),
    opened: t('c360.opened'),
  };
  return (
    <TableScroll labelledBy="c360-cases-title">
      <table className="small-table stack-table" data-testid="c360-cases">
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
          {overview.otherCases.map((c) => (
            <tr key={c.caseId} data-testid={`c360-case-${c.caseId}`}>
              <th scope="row" data-label={col.account}>
                <a href={hrefFor({ page: 'case', caseId: c.caseId })}>{c.accountNumber}</a>
                <span className="visually-hidden"> ({c.caseId})</span>
              </th>
              <td data-label={col.status}>
                {labelText({ label: c.statusLabel, labels: c.statusLabels })}
                {c.closed && <span className="tag c360-closed">{t('c360.closed')}</span>}
              </td>
              <td data-label={col.action}>{tOr(`requiredAction.${c.requiredAction}`, c.requiredAction)}</td>
              <td data-label={col.arrears} className="num nowrap">
                {formatLkr(c.arrearsCents)}
              </td>
              <td data-label={col.due} className="num nowrap">
                {formatLkr(c.amountDueCents)}
              </td>
              <td data-label={col.drc}>{c.drcName ?? c.drcId ?? t('case.none')}</td>
              <td data-label={col.ro}>{c.roName ?? c.roId ?? t('case.none')}</td>
              <td data-label={col.opened} className="nowrap">
                {formatDate(c.openedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Products({ overview }: { overview: CustomerOverview }) {
  if (overview.products.length === 0) return <p>{t('c360.noProducts')}</p>;
  const col = {
    kind: t('c360.product'),
    id: t('c360.productId'),
    status: t('c360.productStatus'),
    arrears: t('case.arrears'),
  };
  return (
    <TableScroll labelledBy="c360-products-title">
      <table className="small-table stack-table" data-testid="c360-products">
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
          {overview.products.map((p) => (
            <tr key={p.productId}>
              <th scope="row" data-label={col.kind}>
                {p.kind}
              </th>
              <td data-label={col.id}>{p.productId}</td>
              <td data-label={col.status}>{tOr(`productStatus.${p.status}`, humanize(p.status))}</td>
              <td data-label={col.arrears} className="num nowrap">
                {formatLkr(p.arrearsCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Contacts({ overview }: { overview: CustomerOverview }) {
  const { customer, lastContact, contactHistory } = overview;
  const items: [string, string | null][] = [
    [t('field.phone'), customer.phone],
    [t('field.altPhone'), customer.altPhone],
    [t('field.email'), customer.email],
    [t('field.address'), customer.address],
    [t('field.city'), customer.city],
    [t('c360.language'), tOr(`c360.lang.${customer.language}`, customer.language)],
  ];
  return (
    <>
      <dl className="kv-grid" data-testid="c360-contacts">
        {items.map(([label, value]) => (
          <div className="kv" key={label}>
            <dt>{label}</dt>
            <dd>{value || t('case.none')}</dd>
          </div>
        ))}
        <div className="kv">
          <dt>{t('c360.lastContact')}</dt>
          <dd data-testid="c360-last-contact">
            {lastContact
              ? t('c360.lastContactText', {
                  date: formatDate(lastContact.contactedOn ?? lastContact.at),
                  channel: tOr(`option.${lastContact.channel}`, humanize(lastContact.channel)),
                  outcome: tOr(`option.${lastContact.outcome}`, humanize(lastContact.outcome)),
                })
              : t('c360.noContact')}
          </dd>
        </div>
      </dl>
      <h4 id="contact-history-title">{t('contactHistory.title')}</h4>
      {contactHistory.length === 0 ? (
        <p>{t('c360.noContactChanges')}</p>
      ) : (
        <ul data-testid="contact-history">
          {contactHistory.map((h) => (
            <li key={`${h.caseId}-${h.requestId}-${h.field}`}>
              {t('contactHistory.entry', {
                at: formatInstant(h.at),
                field: tOr(`field.${h.field}`, humanize(h.field)),
                from: h.from ?? t('case.none'),
                to: h.to ?? t('case.none'),
                reason: h.reason,
              })}
              {h.byName && <span className="hint"> · {h.byName}</span>}
              {h.caseId !== overview.caseId && (
                <span className="hint"> · {t('c360.onAccount', { account: h.accountNumber })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Customer 360: the customer's other accounts and cases the caller may see, each a link to its
 * case; the products of this account; the contact details and how they changed. Guarantors are not in the
 * source records, so there is nothing to show for them.
 */
export function CustomerPanel({ caseId, rev }: { caseId: string; rev: number }) {
  const { overview, error } = useCustomerOverview(caseId, rev);
  return (
    <section aria-labelledby="c360-title" className="c360" data-testid="customer-360">
      {error && (
        <p className="form-error" role="alert" data-testid="c360-error">
          {error.message}
        </p>
      )}
      {!overview && !error && (
        <p role="status" className="loading">
          {t('c360.loading')}
        </p>
      )}
      {overview && (
        <>
          <h3 id="c360-cases-title">{t('c360.otherCases')}</h3>
          <OtherCases overview={overview} />
          <h3 id="c360-products-title">{t('c360.products')}</h3>
          <Products overview={overview} />
          <h3 id="c360-contacts-title">{t('c360.contacts')}</h3>
          <Contacts overview={overview} />
        </>
      )}
    </section>
  );
}
