import { listCaseTypes, saveCaseType } from './caseTypes';

/** Configuration (case types), by name. */
export const CONFIGURATION_OPERATIONS = { listCaseTypes, saveCaseType };
