import * as caseTypes from './caseTypes';

/** Configuration (case types), by name (each module exports only operations). */
export const CONFIGURATION_OPERATIONS = { ...caseTypes };
