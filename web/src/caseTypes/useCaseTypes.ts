import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CaseTypeView } from '../../../functions/src/domain/contracts/types';
import { opKey, shownError, useCall } from '../data/queries';

/** Case types sorted by id, newest version first. */
function sorted(caseTypes: CaseTypeView[]): CaseTypeView[] {
  return [...caseTypes].sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
}

/** Every case type and version, fetched once; `refresh` fetches again and keeps showing the old list meanwhile. */
export function useCaseTypes() {
  const qc = useQueryClient();
  const { data, error } = useCall('listCaseTypes', {}, { select: (out) => sorted(out.caseTypes) });
  const refresh = useCallback(() => void qc.invalidateQueries({ queryKey: opKey('listCaseTypes', {}) }), [qc]);
  return { caseTypes: data ?? null, error: shownError(error), refresh };
}
