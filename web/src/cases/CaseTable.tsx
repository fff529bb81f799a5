import type { CaseView, ExportColumn, NameMaps } from '../../../functions/src/domain/contracts/types';
import { navigate } from '../app/route';
import { t } from '../i18n/t';
import { COLUMNS } from './columns';

interface CaseTableProps {
  cases: CaseView[];
  columns: ExportColumn[];
  names: NameMaps;
  statusLabel(code: string): string;
  caption: string;
}

/** The job basket table; under 600 px wide each row shows as a card (styles.css). */
export function CaseTable({ cases, columns, names, statusLabel, caption }: CaseTableProps) {
  const shown = COLUMNS.filter((c) => columns.includes(c.key));
  return (
    <table className="case-table" data-testid="cases-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {shown.map(({ key, label }) => (
            <th key={key} scope="col" data-testid={`col-${key}`}>
              {t(label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr
            key={c.id}
            data-testid={`case-row-${c.accountNumber}`}
            onClick={(e) => {
              // The account link is the keyboard way in, and handles its own clicks (new tabs too).
              if (!(e.target instanceof HTMLAnchorElement)) navigate({ page: 'case', caseId: c.id });
            }}
          >
            {shown.map(({ key, label, cell }) => (
              <td key={key} data-label={t(label)}>
                {cell(c, { names, statusLabel })}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
