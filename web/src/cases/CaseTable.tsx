import type { ReactNode } from 'react';
import type { CaseView, StatusView } from '../../../functions/src/api/contract';
import { hrefFor, navigate } from '../app/route';
import { amountDueCents, formatLkr } from '../format/money';
import { formatInstant } from '../format/time';
import { statusText } from '../i18n/labels';
import { t, tOr, type MessageKey } from '../i18n/t';

interface Column {
  label: MessageKey;
  cell(c: CaseView, statusLabel: (code: string) => string): ReactNode;
}

const COLUMNS: Column[] = [
  { label: 'cases.col.account', cell: (c) => <a href={hrefFor({ page: 'case', caseId: c.id })}>{c.accountNumber}</a> },
  { label: 'cases.col.customer', cell: (c) => c.customer.name },
  { label: 'cases.col.requiredAction', cell: (c) => tOr(`requiredAction.${c.requiredAction}`, c.requiredAction) },
  { label: 'cases.col.status', cell: (c, statusLabel) => statusLabel(c.status) },
  { label: 'cases.col.amountDue', cell: (c) => formatLkr(amountDueCents(c)) },
  { label: 'cases.col.drc', cell: (c) => c.drcId ?? t('case.none') },
  { label: 'cases.col.ro', cell: (c) => c.roId ?? t('case.none') },
  { label: 'cases.col.updated', cell: (c) => formatInstant(c.updatedAt) },
];

interface CaseTableProps {
  cases: CaseView[];
  statuses: StatusView[];
}

/** The job basket table; under 600 px wide each row shows as a card (styles.css). */
export function CaseTable({ cases, statuses }: CaseTableProps) {
  const statusLabel = (code: string) => statusText(code, statuses.find((s) => s.code === code)?.label);
  return (
    <table className="case-table" data-testid="cases-table">
      <thead>
        <tr>
          {COLUMNS.map(({ label }) => (
            <th key={label} scope="col">
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
            {COLUMNS.map(({ label, cell }) => (
              <td key={label} data-label={t(label)}>
                {cell(c, statusLabel)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
