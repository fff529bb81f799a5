import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/audit';
import { auditCsv, readAuditEvents, verifyAuditTrail as verify } from '../../services/auditTrail';

export const readAuditTrail = implement(contracts.readAuditTrail, async (_actor, { entity, limit, format }) => {
  const events = await readAuditEvents({ entity, limit });
  return format === 'csv' ? { csv: auditCsv(events) } : { events };
});

export const verifyAuditTrail = implement(contracts.verifyAuditTrail, () => verify());
