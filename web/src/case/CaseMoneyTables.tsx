import type { CaseView } from '../../../functions/src/domain/contracts/types';
import { TableScroll } from '../caseTypes/TableScroll';
import { formatLkr } from '../format/money';
import { formatDate } from '../format/time';
import { humanize, t, tOr } from '../i18n/t';

/*
 * The tables are `stack-table`s: under 600 px each row is a card, every value under its column's name
 * (data-label), so no table runs off a phone's screen.
 */

/** Settlement and its instalments, and payments, under the fold headed `money-title`. */
export function CaseMoneyTables({ c }: { c: CaseView }) {
  const inst = {
    seq: t('case.inst.seq'),
    due: t('case.inst.due'),
    amount: t('case.inst.amount'),
    paid: t('case.inst.paid'),
  };
  const pay = {
    paidOn: t('case.pay.paidOn'),
    amount: t('case.pay.amount'),
    method: t('case.pay.method'),
    reference: t('case.pay.reference'),
  };
  return (
    <section aria-labelledby="money-title">
      {c.settlement && (
        <section aria-labelledby="settlement-title" data-testid="settlement">
          <h3 id="settlement-title">{t('case.settlement')}</h3>
          <p>
            {t('case.agreed')}: {formatLkr(c.settlement.agreedCents)} · {t('case.discount')}:{' '}
            {formatLkr(c.settlement.discountCents)} · {t('case.agreedAt')}: {formatDate(c.settlement.agreedAt)}
          </p>
          <h4 id="instalments-title">{t('case.instalments')}</h4>
          <TableScroll labelledBy="instalments-title">
            <table className="small-table stack-table">
              <thead>
                <tr>
                  {Object.values(inst).map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.settlement.instalments.map((i) => (
                  <tr key={i.seq}>
                    <td data-label={inst.seq}>{i.seq}</td>
                    <td data-label={inst.due}>{formatDate(i.dueDate)}</td>
                    <td data-label={inst.amount}>{formatLkr(i.amountCents)}</td>
                    <td data-label={inst.paid}>{formatLkr(i.paidCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      <section aria-labelledby="payments-title" data-testid="payments">
        <h3 id="payments-title">{t('case.payments')}</h3>
        {c.payments.length === 0 ? (
          <p>{t('case.noPayments')}</p>
        ) : (
          <TableScroll labelledBy="payments-title">
            <table className="small-table stack-table">
              <thead>
                <tr>
                  {Object.values(pay).map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.payments.map((p) => (
                  <tr key={p.paymentId} className={p.reversedAt ? 'reversed' : undefined}>
                    <td data-label={pay.paidOn}>{formatDate(p.paidOn)}</td>
                    <td data-label={pay.amount}>
                      {p.reversedAt ? <del>{formatLkr(p.amountCents)}</del> : formatLkr(p.amountCents)}
                    </td>
                    <td data-label={pay.method}>{tOr(`option.${p.method}`, humanize(p.method))}</td>
                    <td data-label={pay.reference}>
                      {p.reference}
                      {p.reversedAt && (
                        <span data-testid={`reversed-${p.reference}`}>
                          {' '}
                          {t('case.pay.reversed', { reason: p.reversalReason ?? '' })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </section>
  );
}

/** The customer's equipment to collect, under the fold headed `cpe-title`. */
export function CpeTable({ c }: { c: CaseView }) {
  const col = {
    kind: t('case.cpe.kind'),
    serial: t('case.cpe.serial'),
    status: t('case.cpe.status'),
    condition: t('case.cpe.condition'),
    note: t('case.cpe.note'),
  };
  return (
    <section aria-labelledby="cpe-title" data-testid="cpe">
      <TableScroll labelledBy="cpe-title">
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
            {c.cpe.map((i) => (
              <tr key={i.itemId} data-testid={`cpe-${i.itemId}`}>
                <th scope="row" data-label={col.kind}>
                  {i.kind}
                </th>
                <td data-label={col.serial}>{i.serialNumber}</td>
                <td data-label={col.status}>{tOr(`cpeStatus.${i.status}`, i.status)}</td>
                <td data-label={col.condition}>{i.condition ?? t('case.none')}</td>
                <td data-label={col.note}>
                  {[
                    i.collectedOn && t('case.cpe.collectedOn', { date: formatDate(i.collectedOn) }),
                    i.location,
                    i.decisionReason,
                    i.failedAttempts
                      ? t('case.cpe.failed', { count: i.failedAttempts, reason: i.failureReason ?? '' })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ') || t('case.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
