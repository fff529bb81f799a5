import { readAuditTrail, verifyAuditTrail } from './auditTrail';

/** The audit trail's operations, by name. */
export const AUDIT_OPERATIONS = { readAuditTrail, verifyAuditTrail };
