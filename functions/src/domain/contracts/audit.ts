import { z } from 'zod';
import { ROLES } from '../model/roles';
import { AUDIT_READERS } from '../policy/operationRoles';
import { defineContract } from './define';

/** The audit trail for auditors: reading one entity's chain or the newest events, and verifying every chain. */

/** One audit event (domain/audit/chain.ts AuditEvent, with its document id). */
export const auditEventView = z.object({
  id: z.string(),
  /** `cases/<id>`, `users/<uid>`, ... */
  entity: z.string(),
  /** Its number in the entity's chain, from 1. */
  seq: z.number(),
  at: z.string(),
  actor: z.object({ uid: z.string(), role: z.enum([...ROLES, 'system']), displayName: z.string().nullable() }),
  action: z.string(),
  summary: z.string(),
  requestId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  details: z.record(z.string(), z.unknown()),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), mode: z.string() })),
  prevHash: z.string(),
  hash: z.string(),
});

/** What an entity path looks like (`cases/<id>`): the audit page checks what is typed with the same pattern. */
export const AUDIT_ENTITY_PATTERN = /^[A-Za-z]+\/[A-Za-z0-9_@~-]{1,160}$/;

export const readAuditTrailInput = z.strictObject({
  /** One entity's chain, in order; without it, the newest events first. */
  entity: z.string().regex(AUDIT_ENTITY_PATTERN, 'is not an entity path like cases/<id>').nullish(),
  limit: z.number().int().min(1).max(1000).nullish(),
  format: z.enum(['json', 'csv']).nullish(),
});

export const readAuditTrailOutput = z.object({ events: z.array(auditEventView) });

/** `events` for the screen, or with `format: 'csv'` only `csv` (cells that could run as formulas are defused). */
const readAuditTrailAnswer = z.object({
  events: z.array(auditEventView).optional(),
  csv: z.string().optional(),
});

/** What verifyAuditTrail found: every chain checked, and the first broken link of each broken one. */
export const auditTrailReport = z.object({
  entities: z.number(),
  events: z.number(),
  broken: z.array(z.object({ entity: z.string(), seq: z.number(), reason: z.string() })),
});

export const readAuditTrail = defineContract({
  name: 'readAuditTrail',
  summary: 'One entity’s audit chain in order, or the newest events; as JSON or as CSV.',
  area: 'audit',
  roles: AUDIT_READERS,
  input: readAuditTrailInput,
  output: readAuditTrailAnswer,
});

export const verifyAuditTrail = defineContract({
  name: 'verifyAuditTrail',
  summary: 'Verify every hash chain of the audit trail and report the first broken link of each broken one.',
  area: 'audit',
  roles: AUDIT_READERS,
  input: z.strictObject({}),
  output: auditTrailReport,
  // It streams the whole trail once: long on a large trail, so it gets the longest callable timeout.
  runtime: { timeoutSeconds: 540 },
});

export const AUDIT_CONTRACTS = [readAuditTrail, verifyAuditTrail] as const;

export type AuditEventView = z.infer<typeof auditEventView>;
export type ReadAuditTrailInput = z.input<typeof readAuditTrailInput>;
export type ReadAuditTrailOutput = z.infer<typeof readAuditTrailOutput>;
export type AuditTrailReport = z.infer<typeof auditTrailReport>;
