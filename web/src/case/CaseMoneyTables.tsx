import type { CaseView } from '../../../functions/src/domain/contracts/types';
import { formatLkr } from '../format/money';
import { formatDate } from '../format/time';
import { humanize, t, tOr } from '../i18n/t';

/** Settlement and its instalments, payments, and CPE items of a case. */
export function CaseMoneyTables({ c }: { c: CaseView }) {
  return (
    <>
      {c.settlement && (
        <section aria-labelledby="settlement-title" data-testid="settlement">
          <h2 id="settlement-title">{t('case.settlement')}</h2>
          <p>
            {t('case.agreed')}: {formatLkr(c.settlement.agreedCents)} · {t('case.discount')}:{' '}
            {formatLkr(c.settlement.discountCents)} · {t('case.agreedAt')}: {formatDate(c.settlement.agreedAt)}
          </p>
          <table className="small-table">
            <caption>{t('case.instalments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.inst.seq')}</th>
                <th scope="col">{t('case.inst.due')}</th>
                <th scope="col">{t('case.inst.amount')}</th>
                <th scope="col">{t('case.inst.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {c.settlement.instalments.map((i) => (
                <tr key={i.seq}>
                  <td>{i.seq}</td>
                  <td>{formatDate(i.dueDate)}</td>
                  <td>{formatLkr(i.amountCents)}</td>
                  <td>{formatLkr(i.paidCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="payments-title" data-testid="payments">
        <h2 id="payments-title">{t('case.payments')}</h2>
        {c.payments.length === 0 ? (
          <p>{t('case.noPayments')}</p>
        ) : (
          <table className="small-table">
            <thead>
              <tr>
                <th scope="col">{t('case.pay.paidOn')}</th>
                <th scope="col">{t('case.pay.amount')}</th>
                <th scope="col">{t('case.pay.method')}</th>
                <th scope="col">{t('case.pay.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {c.payments.map((p) => (
                <tr key={p.paymentId} className={p.reversedAt ? 'reversed' : undefined}>
                  <td>{formatDate(p.paidOn)}</td>
                  <td>{p.reversedAt ? <del>{formatLkr(p.amountCents)}</del> : formatLkr(p.amountCents)}</td>
                  <td>{tOr(`option.${p.method}`, humanize(p.method))}</td>
                  <td>
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
        )}
      </section>
      {c.cpe.length > 0 && (
        <section aria-labelledby="cpe-title" data-testid="cpe">
          <h2 id="cpe-title">{t('case.cpe')}</h2>
          <table className="small-table">
            <thead>
              <tr>
                <th scope="col">{t('case.cpe.kind')}</th>
                <th scope="col">{t('case.cpe.serial')}</th>
                <th scope="col">{t('case.cpe.status')}</th>
                <th scope="col">{t('case.cpe.condition')}</th>
                <th scope="col">{t('case.cpe.note')}</th>
              </tr>
            </thead>
            <tbody>
              {c.cpe.map((i) => (
                <tr key={i.itemId} data-testid={`cpe-${i.itemId}`}>
                  <td>{i.kind}</td>
                  <td>{i.serialNumber}</td>
                  <td>{tOr(`cpeStatus.${i.status}`, i.status)}</td>
                  <td>{i.condition ?? t('case.none')}</td>
                  <td>
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
        </section>
      )}
    </>
  );
}
