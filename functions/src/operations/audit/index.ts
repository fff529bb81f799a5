import * as auditTrail from './auditTrail';

/** The audit trail's operations, by name (each module exports only operations). */
export const AUDIT_OPERATIONS = { ...auditTrail };
