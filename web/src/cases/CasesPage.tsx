import { useState } from 'react';
import { statusText } from '../i18n/labels';
import { t } from '../i18n/t';
import { CaseTable } from './CaseTable';
import { useCasePages } from './useCasePages';
import { useDebounced } from './useDebounced';

/** The job basket (v0): the caller's cases, live, with a status filter, search and paging. */
export function CasesPage() {
  const [status, setStatus] = useState('');
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText, 300);
  const pages = useCasePages({ status, search });

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('cases.title')}</h1>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="status-filter">{t('cases.filterStatus')}</label>
          <select
            id="status-filter"
            data-testid="status-filter"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="">{t('cases.allStatuses')}</option>
            {pages.statuses.map((s) => (
              <option key={s.code} value={s.code}>
                {statusText(s.code, s.label)}
              </option>
            ))}
          </select>
        </div>
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
      </div>

      {pages.error && (
        <p className="form-error" role="alert" data-testid="cases-error">
          {pages.error.message}
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
          <CaseTable cases={pages.cases} statuses={pages.statuses} />
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
    </section>
  );
}
