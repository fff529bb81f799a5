import type { CaseDetail } from '../../../functions/src/domain/contracts/types';
import type { ShownError } from '../data/describeError';
import { useLiveCall } from '../data/queries';

/** The case, live while the page is open. An error keeps the last good data on screen. */
export function useCaseDetail(caseId: string): { detail: CaseDetail | null; error: ShownError | null } {
  const { data, shown } = useLiveCall('getCase', { caseId }, { kind: 'case', caseId });
  return { detail: data ?? null, error: shown };
}
