import type { DashboardOutput, PerformanceRow } from '../../../functions/src/domain/contracts/types';
import { hrefFor, type BasketRouteFilter } from '../app/route';
import { FIGURES_POLL_MS, useLiveCall } from '../data/queries';
import { formatLkr, formatNumber } from '../format/money';
import { statusText } from '../i18n/labels';
import { t, type MessageKey } from '../i18n/t';
import { TrendChart } from './TrendChart';
import './dashboard.css';

const basket = (filter: BasketRouteFilter) => hrefFor({ page: 'cases', filter });
const percent = (rate: number) => `${formatNumber(Math.round(rate * 1000) / 10)}%`;

const STAGE_LINKS: Record<DashboardOutput['byStage'][number]['stage'], BasketRouteFilter> = {
  intake: { tab: 'active', sort: 'statusSince' },
  field: { tab: 'negotiation' },
  escalated: { tab: 'mediation' },
  closed: { tab: 'closed' },
};

function Figure({ label, value, href, testId }: { label: string; value: string; href: string; testId: string }) {
  return (
    <a className="figure" href={href} data-testid={testId}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </a>
  );
}

function PerformanceTable(props: { title: MessageKey; rows: PerformanceRow[]; by: 'drcId' | 'roId'; testId: string }) {
  if (props.rows.length === 0) return null;
  const link = (row: PerformanceRow, filter: BasketRouteFilter) => basket({ ...filter, [props.by]: row.id });
  return (
    <section aria-labelledby={`${props.testId}-title`}>
      <h2 id={`${props.testId}-title`}>{t(props.title)}</h2>
      <div className="table-scroll">
        <table className="small-table" data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col">{t('dash.col.name')}</th>
              <th scope="col">{t('dash.col.cases')}</th>
              <th scope="col">{t('dash.col.open')}</th>
              <th scope="col">{t('dash.col.collected')}</th>
              <th scope="col">{t('dash.col.rate')}</th>
              <th scope="col">{t('dash.col.kept')}</th>
              <th scope="col">{t('dash.col.broken')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td className="num">
                  <a href={link(r, { tab: 'all' })}>{formatNumber(r.cases)}</a>
                </td>
                <td className="num">
                  <a href={link(r, { tab: 'active' })}>{formatNumber(r.open)}</a>
                </td>
                <td className="num nowrap">
                  <a href={link(r, { tab: 'all', sort: 'arrears' })}>{formatLkr(r.collectedCents)}</a>
                </td>
                <td className="num">{percent(r.recoveryRate)}</td>
                <td className="num">
                  <a href={link(r, { tab: 'all', counter: 'promisesKept' })}>{formatNumber(r.promisesKept)}</a>
                </td>
                <td className="num">
                  <a href={link(r, { tab: 'all', counter: 'promisesBroken' })}>{formatNumber(r.promisesBroken)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Dashboards (case progress, DRC and RO performance, amounts recovered): live figures for the caller's cases; every
 * figure links to its cases in the basket.
 */
export function DashboardPage() {
  const { data, shown: error } = useLiveCall('dashboardFigures', {}, { kind: 'cases' }, FIGURES_POLL_MS);

  return (
    <section aria-labelledby="dash-title" className="dashboard">
      <h1 id="dash-title">{t('dash.title')}</h1>
      <p>{t('dash.intro')}</p>
      {error && (
        <p className="form-error" role="alert" data-testid="dash-error">
          {error.message}
        </p>
      )}
      {!data ? (
        !error && (
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        )
      ) : (
        <>
          <h2>{t('dash.totals')}</h2>
          <div className="figures" data-testid="dash-totals">
            <Figure
              testId="dash-open"
              label={t('dash.open')}
              value={formatNumber(data.totals.open)}
              href={basket({ tab: 'active' })}
            />
            <Figure
              testId="dash-arrears"
              label={t('dash.arrears')}
              value={formatLkr(data.totals.arrearsCents)}
              href={basket({ tab: 'all', sort: 'arrears' })}
            />
            <Figure
              testId="dash-collected"
              label={t('dash.collected')}
              value={formatLkr(data.totals.collectedCents)}
              href={basket({ tab: 'closed' })}
            />
            <Figure
              testId="dash-rate"
              label={t('dash.recoveryRate')}
              value={percent(data.totals.recoveryRate)}
              href={basket({ tab: 'all' })}
            />
          </div>

          <h2>{t('dash.byStage')}</h2>
          <div className="figures">
            {data.byStage.map((s) => (
              <Figure
                key={s.stage}
                testId={`dash-stage-${s.stage}`}
                label={t(`dash.stage.${s.stage}`)}
                value={formatNumber(s.count)}
                href={basket(STAGE_LINKS[s.stage])}
              />
            ))}
          </div>

          <h2>{t('dash.byStatus')}</h2>
          <ul className="status-bars" data-testid="dash-by-status">
            {data.byStatus.map((s) => {
              const max = Math.max(1, ...data.byStatus.map((x) => x.count));
              return (
                <li key={s.status}>
                  <a href={basket({ tab: 'all', status: s.status })} data-testid={`dash-status-${s.status}`}>
                    <span className="status-name">{statusText(s.status, s)}</span>
                    <span className="status-bar" style={{ width: `${(s.count / max) * 100}%` }} aria-hidden="true" />
                    <span className="status-count">{formatNumber(s.count)}</span>
                  </a>
                </li>
              );
            })}
          </ul>

          <h2>{t('dash.ageing')}</h2>
          <div className="figures">
            {data.ageing.map((a) => (
              <Figure
                key={a.bucket}
                testId={`dash-age-${a.bucket}`}
                label={t(`dash.age.${a.bucket}`)}
                value={formatNumber(a.count)}
                href={basket({
                  tab: 'active',
                  openedFrom: a.openedFrom ?? undefined,
                  openedTo: a.openedTo ?? undefined,
                })}
              />
            ))}
          </div>

          <h2>{t('dash.trend')}</h2>
          <TrendChart trend={data.trend} />

          <PerformanceTable title="dash.drcs" rows={data.drcs} by="drcId" testId="dash-drcs" />
          <PerformanceTable title="dash.ros" rows={data.ros} by="roId" testId="dash-ros" />
        </>
      )}
    </section>
  );
}
