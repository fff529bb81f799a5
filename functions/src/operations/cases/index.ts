import * as cases from './cases';
import * as customerData from './customerData';
import * as requests from './requests';

/** One case as the web client works it, its requests, and the data-subject export, by name (each module exports only operations). */
export const CASES_OPERATIONS = { ...cases, ...customerData, ...requests };
