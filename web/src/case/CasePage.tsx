import type { Me } from '../../../functions/src/domain/contracts/types';
import { canCompleteTasks } from '../app/roles';
import { hrefFor } from '../app/route';
import { t } from '../i18n/t';
import { ActionsPanel } from './ActionsPanel';
import { CaseSummary } from './CaseSummary';
import { CaseTodos } from './CaseTodos';
import { CustomerPanel } from './CustomerPanel';
import { FieldWorkPanel } from './FieldWorkPanel';
import { Timeline } from './Timeline';
import { useCaseDetail } from './useCaseDetail';
import { PresenceBanner } from '../presence/PresenceBanner';
import './case.css';

export function CasePage({ caseId, me }: { caseId: string; me: Me }) {
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
          <PresenceBanner caseId={caseId} me={me} />
          <CaseSummary detail={detail} />
          <CustomerPanel caseId={caseId} rev={detail.case.rev} />
          <div className="case-columns">
            <div className="case-work">
              <CaseTodos c={detail.case} canComplete={canCompleteTasks(me)} />
              <FieldWorkPanel c={detail.case} />
              <ActionsPanel detail={detail} />
            </div>
            <Timeline entries={detail.timeline} labels={detail.labels} tasks={detail.case.tasks ?? []} />
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
