import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../functions/src/domain/contracts/types';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, type ShownError } from '../data/describeError';

/** The case, live while the page is open. An error keeps the last good data on screen. */
export function useCaseDetail(caseId: string): { detail: CaseDetail | null; error: ShownError | null } {
  const ds = useDataSource();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(
    () =>
      ds.watchCase(
        caseId,
        (d) => {
          setDetail(d);
          setError(null);
        },
        (e) => setError(describeError(e)),
      ),
    [ds, caseId],
  );
  return { detail, error };
}
