import type { CaseTypeConfig } from '../types';
import { debtxTelco } from './debtxTelco';

/** Every case type shipped with DebtX. Seeded into Firestore (`caseTypes`) by the seed script. */
export const SHIPPED_CASE_TYPES: readonly CaseTypeConfig[] = [debtxTelco];

export { debtxTelco };
