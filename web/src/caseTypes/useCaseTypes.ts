import { useCallback, useEffect, useState } from 'react';
import type { CaseTypeView } from '../../../functions/src/domain/contracts/types';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, type ShownError } from '../data/describeError';

interface CaseTypesState {
  /** null until the first answer. */
  caseTypes: CaseTypeView[] | null;
  error: ShownError | null;
}

/** Case types sorted by id, newest version first. */
function sorted(caseTypes: CaseTypeView[]): CaseTypeView[] {
  return [...caseTypes].sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
}

/** Every case type and version, fetched once; `refresh` fetches again and keeps showing the old list meanwhile. */
export function useCaseTypes() {
  const ds = useDataSource();
  const [state, setState] = useState<CaseTypesState>({ caseTypes: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    ds.listCaseTypes().then(
      (out) => {
        if (!cancelled) setState({ caseTypes: sorted(out.caseTypes), error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ caseTypes: s.caseTypes, error: describeError(error) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ds, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, refresh };
}
