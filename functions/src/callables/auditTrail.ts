import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { REGION } from '../config';
import type { AuditEvent } from '../domain/audit/chain';
import { COL, firestore } from '../data/db';
import { readQuery } from '../data/ops';
import { auditCsv, verifyAuditTrail } from '../services/auditTrail';
import { callerActor, parseInput } from '../api/caller';

const AUDIT_READERS = ['auditor', 'admin', 'supervisor'];

const input = z.strictObject({
  entity: z
    .string()
    .regex(/^[A-Za-z]+\/[A-Za-z0-9_@~-]{1,160}$/, 'is not an entity path like cases/<id>')
    .nullish(),
  limit: z.number().int().min(1).max(1000).nullish(),
  format: z.enum(['json', 'csv']).nullish(),
});

/** The audit trail for auditors: one entity's chain, or the newest events; as JSON for the screen or CSV to export. */
export async function readAuditTrailHandler(request: Pick<CallableRequest, 'auth' | 'data'>) {
  const actor = await callerActor(request);
  if (!AUDIT_READERS.includes(actor.role))
    throw new HttpsError('permission-denied', 'Only auditors and supervisors read the audit trail here.');
  const { entity, limit, format } = parseInput(input, request.data);
  const base = firestore().collection(COL.audit);
  const snap = await readQuery(
    entity
      ? base
          .where('entity', '==', entity)
          .orderBy('seq', 'asc')
          .limit(limit ?? 500)
      : base.orderBy('at', 'desc').limit(limit ?? 100),
  );
  const events = snap.docs.map((d) => ({ ...(d.data() as AuditEvent), id: d.id }));
  return format === 'csv' ? { csv: auditCsv(events) } : { events };
}

/** Verifies every hash chain and reports the first broken link of each broken one. */
export async function verifyAuditTrailHandler(request: Pick<CallableRequest, 'auth'>) {
  const actor = await callerActor(request);
  if (!AUDIT_READERS.includes(actor.role))
    throw new HttpsError('permission-denied', 'Only auditors and supervisors verify the audit trail.');
  return verifyAuditTrail();
}

export const readAuditTrail = onCall({ region: REGION }, readAuditTrailHandler);
export const verifyAuditTrailFn = onCall({ region: REGION, timeoutSeconds: 540 }, verifyAuditTrailHandler);
