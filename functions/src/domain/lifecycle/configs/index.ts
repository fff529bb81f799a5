import type { CaseTypeConfig } from '../types';
import { assetRepossession } from './assetRepossession';
import { bankruptcy } from './bankruptcy';
import { debtxTelco } from './debtxTelco';
import { deceased } from './deceased';
import { earlyCollections } from './earlyCollections';
import { externalRecovery } from './externalRecovery';
import { financialHardship } from './financialHardship';
import { internalRecovery } from './internalRecovery';
import { legalProceeding } from './legalProceeding';
import { rightOfSetOff } from './rightOfSetOff';

/** Every case type shipped with DebtX. Seeded into Firestore (`caseTypes`) by the seed script. */
export const SHIPPED_CASE_TYPES: readonly CaseTypeConfig[] = [
  debtxTelco,
  earlyCollections,
  internalRecovery,
  externalRecovery,
  legalProceeding,
  deceased,
  financialHardship,
  bankruptcy,
  assetRepossession,
  rightOfSetOff,
];

export {
  assetRepossession,
  bankruptcy,
  debtxTelco,
  deceased,
  earlyCollections,
  externalRecovery,
  financialHardship,
  internalRecovery,
  legalProceeding,
  rightOfSetOff,
};
