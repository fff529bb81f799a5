import type { CaseTypeView } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { t } from '../i18n/t';
import { LatestBadge, levelLabel } from './labels';
import { TableScroll } from './TableScroll';

/** One row per case type and version. */
export function CaseTypeTable({ caseTypes }: { caseTypes: CaseTypeView[] }) {
  return (
    <TableScroll labelledBy="case-types-caption">
      <table className="small-table case-types-table" data-testid="case-types-table">
        <caption id="case-types-caption" className="visually-hidden">
          {t('caseTypes.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('caseTypes.col.name')}</th>
            <th scope="col">{t('caseTypes.col.id')}</th>
            <th scope="col">{t('caseTypes.col.version')}</th>
            <th scope="col">{t('caseTypes.col.category')}</th>
            <th scope="col">{t('caseTypes.col.level')}</th>
            <th scope="col" className="num">
              {t('caseTypes.col.statuses')}
            </th>
            <th scope="col" className="num">
              {t('caseTypes.col.transitions')}
            </th>
            <th scope="col" className="num">
              {t('caseTypes.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {caseTypes.map((c) => (
            <tr key={`${c.id}-${c.version}`} data-testid={`case-type-row-${c.id}-${c.version}`}>
              <th scope="row">
                <a href={hrefFor({ page: 'caseType', caseTypeId: c.id, version: c.version })}>{c.name}</a>
              </th>
              <td>
                <code>{c.id}</code>
              </td>
              <td className="nowrap">
                {t('caseTypes.versionLabel', { version: c.version })} {c.latest && <LatestBadge />}
              </td>
              <td>{c.category}</td>
              <td>{levelLabel(c.level)}</td>
              <td className="num">{c.statuses.length}</td>
              <td className="num">{c.transitions.length}</td>
              <td className="num">{c.actions.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
