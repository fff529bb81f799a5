import * as contactCheck from './contactCheck';
import * as contactPolicy from './contactPolicy';
import * as indicators from './indicators';

/** The contact-compliance gate's operations, by name (each module exports only operations). */
export const COMPLIANCE_OPERATIONS = { ...indicators, ...contactCheck, ...contactPolicy };
