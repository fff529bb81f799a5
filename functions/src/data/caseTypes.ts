import { SHIPPED_CASE_TYPES } from '../domain/lifecycle/configs';
import type { CaseTypeConfig } from '../domain/lifecycle/types';

/**
 * The case-type configurations a case can run. A running case keeps the version it started with.
 * Issue 3 moves these into Firestore (`caseTypes/{id}@{version}`), validated on load.
 */
export function caseTypeConfig(id: string, version: number): CaseTypeConfig | undefined {
  return SHIPPED_CASE_TYPES.find((c) => c.id === id && c.version === version);
}

export function currentCaseType(id: string): CaseTypeConfig | undefined {
  return SHIPPED_CASE_TYPES.filter((c) => c.id === id).sort((a, b) => b.version - a.version)[0];
}

export const DEFAULT_CASE_TYPE = 'debtx_telco';
