import type { DashboardOutput } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { formatNumber } from '../format/money';
import { formatDate } from '../format/time';
import { t } from '../i18n/t';

const W = 640;
const H = 220;
const PAD = { left: 36, right: 8, top: 12, bottom: 36 };

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Cases opened and closed per week as grouped bars in inline SVG (no chart library). Each bar links to the
 * cases behind it, so the chart is a group of links rather than an image; a table with the same figures
 * follows for screen readers and keyboard users.
 */
export function TrendChart({ trend }: { trend: DashboardOutput['trend'] }) {
  const max = Math.max(1, ...trend.flatMap((w) => [w.opened, w.closed]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, trend.length);
  const bar = Math.max(4, slot / 2 - 6);
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const weekLink = (w: DashboardOutput['trend'][number], closed: boolean) =>
    hrefFor({
      page: 'cases',
      filter: closed
        ? // Closing is the case's last update: its week is the week it was last updated in.
          { tab: 'closed', updatedFrom: w.weekStart, updatedTo: addDays(w.weekStart, 6) }
        : { tab: 'all', openedFrom: w.weekStart, openedTo: addDays(w.weekStart, 6) },
    });
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby="trend-title" data-testid="trend-chart">
        <title id="trend-title">{t('dash.trend')}</title>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} className="tick" textAnchor="end">
          {formatNumber(max)}
        </text>
        <text x={PAD.left - 6} y={y(0)} className="tick" textAnchor="end">
          0
        </text>
        {trend.map((w, i) => {
          const x = PAD.left + i * slot + slot / 2;
          return (
            <g key={w.weekStart}>
              <a
                href={weekLink(w, false)}
                aria-label={`${t('dash.weekOf', { date: formatDate(w.weekStart) })}: ${t('dash.trendOpened')} ${w.opened}`}
              >
                <rect x={x - bar - 1} y={y(w.opened)} width={bar} height={y(0) - y(w.opened)} className="bar-opened" />
              </a>
              <a
                href={weekLink(w, true)}
                aria-label={`${t('dash.weekOf', { date: formatDate(w.weekStart) })}: ${t('dash.trendClosed')} ${w.closed}`}
              >
                <rect x={x + 1} y={y(w.closed)} width={bar} height={y(0) - y(w.closed)} className="bar-closed" />
              </a>
              <text x={x} y={H - PAD.bottom + 16} className="tick" textAnchor="middle">
                {w.weekStart.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="key key-opened" aria-hidden="true" /> {t('dash.trendOpened')}{' '}
        <span className="key key-closed" aria-hidden="true" /> {t('dash.trendClosed')}
      </figcaption>
      <details>
        <summary>{t('dash.trend')}</summary>
        <table className="small-table">
          <thead>
            <tr>
              <th scope="col">{t('dash.weekOf', { date: '' }).trim()}</th>
              <th scope="col">{t('dash.trendOpened')}</th>
              <th scope="col">{t('dash.trendClosed')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{formatDate(w.weekStart)}</th>
                <td className="num">
                  <a href={weekLink(w, false)}>{formatNumber(w.opened)}</a>
                </td>
                <td className="num">
                  <a href={weekLink(w, true)}>{formatNumber(w.closed)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
