import type { Me } from '../../../functions/src/domain/contracts/types';
import { canCompleteTasks } from '../app/roles';
import { hrefFor } from '../app/route';
import { t } from '../i18n/t';
import { ActionsPanel } from './ActionsPanel';
import { CaseMoneyTables, CpeTable } from './CaseMoneyTables';
import { CaseFacts, CaseSummary } from './CaseSummary';
import { CaseTodos } from './CaseTodos';
import { CustomerPanel } from './CustomerPanel';
import { FieldWorkPanel, hasFieldWork } from './FieldWorkPanel';
import { Fold } from './Fold';
import { Timeline } from './Timeline';
import { useCaseDetail } from './useCaseDetail';
import { PresenceBanner } from '../presence/PresenceBanner';
import './case.css';

/**
 * One case, phone first (docs/decisions/0044): who, how much, the promise and the next thing to do; then what to
 * record and the to-dos; then, folded, the history and the details. A wide screen shows the folds in a second
 * column, in the same order.
 */
export function CasePage({ caseId, me }: { caseId: string; me: Me }) {
  const { detail, error } = useCaseDetail(caseId);
  const c = detail?.case;
  return (
    <div className="case-page">
      <p className="case-back">
        <a href={hrefFor({ page: 'cases' })}>← {t('case.back')}</a>
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="case-error">
          {error.message}
        </p>
      )}
      {detail && c ? (
        <>
          <PresenceBanner caseId={caseId} me={me} />
          <div className="case-columns">
            <div className="case-work">
              <CaseSummary detail={detail} />
              <ActionsPanel detail={detail} />
              <CaseTodos c={c} canComplete={canCompleteTasks(me)} />
            </div>
            <div className="case-more">
              <Fold
                headingId="timeline-title"
                title={t('timeline.title')}
                count={detail.timeline.length}
                testId="fold-timeline"
              >
                <Timeline entries={detail.timeline} labels={detail.labels} tasks={c.tasks ?? []} />
              </Fold>
              <Fold headingId="money-title" title={t('case.money')} testId="fold-money">
                <CaseMoneyTables c={c} />
              </Fold>
              {c.cpe.length > 0 && (
                <Fold headingId="cpe-title" title={t('case.cpe')} count={c.cpe.length} testId="fold-cpe">
                  <CpeTable c={c} />
                </Fold>
              )}
              {hasFieldWork(c) && (
                <Fold headingId="fieldwork-title" title={t('fieldWork.title')} testId="fold-field-work">
                  <FieldWorkPanel c={c} />
                </Fold>
              )}
              <Fold headingId="c360-title" title={t('c360.title')} testId="fold-customer">
                <CustomerPanel caseId={caseId} rev={c.rev} />
              </Fold>
              <Fold headingId="facts-title" title={t('case.details')} testId="fold-facts">
                <CaseFacts detail={detail} />
              </Fold>
            </div>
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
