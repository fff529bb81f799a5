import { hrefFor } from '../app/route';
import { t } from '../i18n/t';
import { ActionsPanel } from './ActionsPanel';
import { CaseSummary } from './CaseSummary';
import { Timeline } from './Timeline';
import { useCaseDetail } from './useCaseDetail';

export function CasePage({ caseId }: { caseId: string }) {
  const { detail, error } = useCaseDetail(caseId);
  return (
    <div className="case-page">
      <p>
        <a href={hrefFor({ page: 'cases' })}>← {t('case.back')}</a>
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="case-error">
          {error.message}
        </p>
      )}
      {detail ? (
        <>
          <CaseSummary detail={detail} />
          <div className="case-columns">
            <ActionsPanel detail={detail} />
            <Timeline entries={detail.timeline} />
          </div>
        </>
      ) : (
        !error && (
          <p role="status" className="loading">
            {t('case.loading')}
          </p>
        )
      )}
    </div>
  );
}
