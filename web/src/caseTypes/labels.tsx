import type { CaseTypeView } from '../../../functions/src/domain/contracts/types';
import { t } from '../i18n/t';

export function levelLabel(level: CaseTypeView['level']): string {
  return t(level === 'customer' ? 'caseTypes.level.customer' : 'caseTypes.level.account');
}

export function LatestBadge() {
  return (
    <span className="badge" data-testid="case-type-latest">
      {t('caseTypes.latest')}
    </span>
  );
}

/** `a, b, c`, or a dash for none. */
export function listOrNone(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : t('caseType.none');
}
