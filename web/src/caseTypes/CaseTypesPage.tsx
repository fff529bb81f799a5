import { useEffect } from 'react';
import { hrefFor } from '../app/route';
import { t } from '../i18n/t';
import { CaseTypeDetail } from './CaseTypeDetail';
import { CaseTypeTable } from './CaseTypeTable';
import { SaveCaseTypeForm } from './SaveCaseTypeForm';
import { useCaseTypes } from './useCaseTypes';
import './caseTypes.css';

interface CaseTypesPageProps {
  /** The version shown in detail (`#/case-types/<id>/<version>`), or null for the list. */
  selected: { id: string; version: number } | null;
  /** Admins may save new versions. */
  canSave: boolean;
}

/** The case types screen: every case type and version, and for one of them its configuration and diagram. */
export function CaseTypesPage({ selected, canSave }: CaseTypesPageProps) {
  const { caseTypes, error, refresh } = useCaseTypes();
  const selectedKey = selected ? `${selected.id}/${selected.version}` : '';

  // A hash change keeps the scroll position: start each case type (and the list) at the top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [selectedKey]);

  const errorBox = error && (
    <div className="form-error" role="alert" data-testid="case-types-error">
      <p>{error.message}</p>
      <button type="button" className="secondary" onClick={refresh}>
        {t('caseTypes.retry')}
      </button>
    </div>
  );
  const loading = !caseTypes && !error && (
    <p role="status" className="loading">
      {t('caseTypes.loading')}
    </p>
  );

  if (!selected) {
    return (
      <section aria-labelledby="case-types-title">
        <h1 id="case-types-title">{t('caseTypes.title')}</h1>
        <p>{t('caseTypes.intro')}</p>
        {errorBox}
        {loading}
        {caseTypes &&
          (caseTypes.length === 0 ? (
            <p data-testid="case-types-empty">{t('caseTypes.none')}</p>
          ) : (
            <CaseTypeTable caseTypes={caseTypes} />
          ))}
      </section>
    );
  }

  const view = caseTypes?.find((c) => c.id === selected.id && c.version === selected.version);
  const newestVersion = Math.max(
    selected.version,
    ...(caseTypes ?? []).filter((c) => c.id === selected.id).map((c) => c.version),
  );
  return (
    <section aria-labelledby="case-type-title" className="case-type-page">
      <p>
        <a href={hrefFor({ page: 'caseTypes' })}>← {t('caseTypes.back')}</a>
      </p>
      {errorBox}
      {loading}
      {caseTypes && !view && (
        <p className="form-error" role="alert" data-testid="case-type-not-found" id="case-type-title">
          {t('caseTypes.notFound', { id: selected.id, version: selected.version })}
        </p>
      )}
      {view && (
        <>
          <CaseTypeDetail view={view} newestVersion={newestVersion} />
          {canSave && (
            <SaveCaseTypeForm
              key={`${view.id}-${view.version}`}
              view={view}
              nextVersion={newestVersion + 1}
              onSaved={refresh}
            />
          )}
        </>
      )}
    </section>
  );
}
