import { useEffect, useMemo, useState } from 'react';
import type { BasketSort, BasketTab, ExportColumn, Me } from '../../../functions/src/domain/contracts/types';
import { hrefFor, type BasketRouteFilter } from '../app/route';
import { describeError } from '../data/describeError';
import { call } from '../api/call';
import { download } from '../format/download';
import { statusText } from '../i18n/labels';
import { t } from '../i18n/t';
import { BasketCounters, BasketTabs, ColumnChooser } from './BasketControls';
import { CaseTable } from './CaseTable';
import { COLUMNS, loadColumns, saveColumns } from './columns';
import { useBasketCounts } from './useBasketCounts';
import { useCasePages } from './useCasePages';
import { useDebounced } from './useDebounced';
import './cases.css';

const SORTS: BasketSort[] = ['updatedAt', 'arrears', 'statusSince', 'account'];

/** The tab each role opens on (functions/src/domain/jobBasket/basket.ts tabsFor), so the first list is the right one. */
function defaultTab(me: Me): BasketTab {
  switch (me.role) {
    case 'rcmp':
      return 'approvals';
    case 'mediation_board':
      return 'mediation';
    case 'admin':
    case 'auditor':
      return 'all';
    default:
      return 'active';
  }
}

/** Everyone but an RO (who sees only their own cases) may filter by DRC and RO. */
const filtersByPeople = (me: Me) => me.role !== 'ro';

/**
 * The job basket (docs/domain.md): the caller's cases in tabs, with one-click counters, filters, sorting,
 * column choice, paging, search and export; live. Its filters live in the address, so a dashboard figure
 * links straight to its cases and a reload keeps them.
 */
export function CasesPage({ me, initial }: { me: Me; initial?: BasketRouteFilter }) {
  const [filter, setFilter] = useState<BasketRouteFilter>(initial ?? {});
  const [searchText, setSearchText] = useState(initial?.search ?? '');
  const search = useDebounced(searchText, 300);
  const [columns, setColumns] = useState<ExportColumn[]>(loadColumns);
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);

  const { counts, error: countsError } = useBasketCounts({ ...filter, search });
  const tab: BasketTab = filter.tab ?? defaultTab(me);
  const listFilter = useMemo(() => ({ ...filter, tab, search }), [filter, tab, search]);
  const pages = useCasePages(listFilter);

  useEffect(() => {
    // Keeps the address in step without a navigation, so reloading or sharing it shows the same list.
    const href = hrefFor({ page: 'cases', filter: listFilter });
    if (window.location.hash !== href) window.history.replaceState(null, '', href);
  }, [listFilter]);

  const update = (change: Partial<BasketRouteFilter>) =>
    setFilter((f) => {
      const next: BasketRouteFilter = { ...f, ...change };
      for (const key of Object.keys(next) as (keyof BasketRouteFilter)[]) if (!next[key]) delete next[key];
      return next;
    });

  const statusLabel = (code: string) =>
    statusText(
      code,
      pages.statuses.find((s) => s.code === code),
    );

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    setExportNote(null);
    try {
      const out = await call('exportCases', {
        ...listFilter,
        format,
        columns: COLUMNS.filter((c) => columns.includes(c.key)).map((c) => ({ key: c.key, heading: t(c.label) })),
        statusLabels: Object.fromEntries(pages.statuses.map((s) => [s.code, statusLabel(s.code)])),
      });
      download(
        out.fileName,
        out.content,
        out.encoding,
        format === 'csv'
          ? 'text/csv;charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      setExportNote({ ok: true, text: t('basket.exported', { file: out.fileName, count: out.rows }) });
    } catch (e) {
      setExportNote({ ok: false, text: describeError(e).message });
    } finally {
      setExporting(false);
    }
  };

  const counterText = filter.counter ? t(`basket.counter.${filter.counter}`) : null;
  const error = pages.error ?? countsError;
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('basket.title')}</h1>
      {counts && (
        <BasketTabs
          tabs={counts.tabs}
          current={tab}
          counts={counts.tabCounts}
          onChange={(next) => update({ tab: next, counter: undefined })}
        />
      )}
      <div
        id="basket-panel"
        role={counts ? 'tabpanel' : undefined}
        aria-labelledby={counts ? `tab-${tab}` : undefined}
        tabIndex={counts ? -1 : undefined}
      >
        <BasketCounters
          counters={counts?.counters ?? null}
          current={filter.counter}
          onChange={(counter) => update({ counter })}
        />

        <div className="filters basket-filters" role="search" aria-label={t('basket.filters')}>
          <div className="field">
            <label htmlFor="case-search">{t('cases.search')}</label>
            <input
              id="case-search"
              data-testid="search"
              type="search"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              aria-describedby="case-search-hint"
            />
            <p className="hint" id="case-search-hint">
              {t('cases.searchHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="status-filter">{t('cases.filterStatus')}</label>
            <select
              id="status-filter"
              data-testid="status-filter"
              value={filter.status ?? ''}
              onChange={(e) => update({ status: e.target.value })}
            >
              <option value="">{t('cases.allStatuses')}</option>
              {pages.statuses.map((s) => (
                <option key={s.code} value={s.code}>
                  {statusText(s.code, s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sort">{t('basket.sort')}</label>
            <select
              id="sort"
              data-testid="sort"
              value={filter.sort ?? 'updatedAt'}
              onChange={(e) => update({ sort: e.target.value as BasketSort })}
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`basket.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {filtersByPeople(me) && counts && counts.drcs.length > 0 && (
            <div className="field">
              <label htmlFor="drc-filter">{t('basket.drc')}</label>
              <select
                id="drc-filter"
                data-testid="drc-filter"
                value={filter.drcId ?? ''}
                onChange={(e) => update({ drcId: e.target.value, roId: undefined })}
              >
                <option value="">{t('basket.any')}</option>
                {counts.drcs.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {filtersByPeople(me) && counts && counts.ros.length > 0 && (
            <div className="field">
              <label htmlFor="ro-filter">{t('basket.ro')}</label>
              <select
                id="ro-filter"
                data-testid="ro-filter"
                value={filter.roId ?? ''}
                onChange={(e) => update({ roId: e.target.value })}
              >
                <option value="">{t('basket.any')}</option>
                {counts.ros
                  .filter((r) => !filter.drcId || r.drcId === filter.drcId)
                  .map((r) => (
                    <option key={r.uid} value={r.uid}>
                      {r.name}
                    </option>
                  ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="updated-from">{t('basket.from')}</label>
            <input
              id="updated-from"
              type="date"
              data-testid="updated-from"
              value={filter.updatedFrom ?? ''}
              onChange={(e) => update({ updatedFrom: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="updated-to">{t('basket.to')}</label>
            <input
              id="updated-to"
              type="date"
              data-testid="updated-to"
              value={filter.updatedTo ?? ''}
              onChange={(e) => update({ updatedTo: e.target.value })}
            />
          </div>
        </div>

        <div className="basket-tools">
          <ColumnChooser
            columns={columns}
            onChange={(next) => {
              setColumns(next);
              saveColumns(next);
            }}
          />
          <div className="export" role="group" aria-label={t('basket.export')}>
            <span aria-hidden="true">{t('basket.export')}:</span>
            <button
              type="button"
              className="secondary"
              data-testid="export-csv"
              disabled={exporting}
              onClick={() => void exportAs('csv')}
            >
              <span className="visually-hidden">{t('basket.export')} </span>
              {t('basket.exportCsv')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="export-xlsx"
              disabled={exporting}
              onClick={() => void exportAs('xlsx')}
            >
              <span className="visually-hidden">{t('basket.export')} </span>
              {t('basket.exportXlsx')}
            </button>
          </div>
          <p className="live-note">{t('basket.live')}</p>
        </div>
        <div aria-live="polite">
          {exporting && (
            <p role="status" className="loading">
              {t('basket.exporting')}
            </p>
          )}
          {exportNote && (
            <p className={exportNote.ok ? 'form-ok' : 'form-error'} data-testid="export-note">
              {exportNote.text}
            </p>
          )}
        </div>
        {counterText && (
          <p className="counter-on" data-testid="counter-on">
            {t('basket.counterOn', { counter: counterText })}{' '}
            <button type="button" className="link-button" onClick={() => update({ counter: undefined })}>
              {t('basket.clearCounter')}
            </button>
          </p>
        )}

        {error && (
          <p className="form-error" role="alert" data-testid="cases-error">
            {error.message}
          </p>
        )}
        {pages.loading ? (
          !pages.error && (
            <p role="status" className="loading">
              {t('app.loading')}
            </p>
          )
        ) : pages.cases.length === 0 ? (
          <p data-testid="cases-empty">{t('cases.none')}</p>
        ) : (
          <>
            <p className="visually-hidden" role="status">
              {t('cases.count', { count: pages.cases.length })}
            </p>
            <div className="basket-table">
              <CaseTable
                cases={pages.cases}
                columns={columns}
                names={pages.names}
                statusLabel={statusLabel}
                caption={t(`basket.tab.${tab}`)}
              />
            </div>
          </>
        )}
        {pages.hasMore && (
          <button
            type="button"
            className="secondary load-more"
            data-testid="load-more"
            onClick={pages.loadMore}
            disabled={pages.loadingMore}
          >
            {pages.loadingMore ? t('cases.loadingMore') : t('cases.loadMore')}
          </button>
        )}
      </div>
    </section>
  );
}
