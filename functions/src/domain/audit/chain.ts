import { createHash } from 'node:crypto';
import type { AuditHead } from '../model/case';
import type { ActorRole } from '../model/roles';
import type { Instant } from '../model/time';

/**
 * The audit trail is append-only and hash-chained per entity (a case, a user, a configuration):
 * each event carries the hash of the one before, so a changed or deleted event breaks the chain.
 * Chaining per entity rather than globally keeps every write on the entity's own document,
 * so the trail adds no shared hot spot.
 */
export interface AuditDraft {
  entity: string;
  at: Instant;
  actor: { uid: string; role: ActorRole; displayName: string | null };
  action: string;
  summary: string;
  requestId: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  details: Record<string, unknown>;
  transitions: { from: string; to: string; mode: string }[];
}

export interface AuditEvent extends AuditDraft {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
export const EMPTY_HEAD: AuditHead = { seq: 0, hash: GENESIS_HASH };

/** JSON with object keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

export function chainEvent(head: AuditHead, draft: AuditDraft): { event: AuditEvent; head: AuditHead } {
  const unhashed = { ...draft, seq: head.seq + 1, prevHash: head.hash };
  const hash = hashEvent(unhashed);
  return { event: { ...unhashed, hash }, head: { seq: unhashed.seq, hash } };
}

export type ChainVerdict = { ok: true; length: number } | { ok: false; seq: number; reason: string };

/** Checks one entity's events, in seq order, from genesis (or from a known head). Reports the first broken link. */
export function verifyChain(events: AuditEvent[], from: AuditHead = EMPTY_HEAD): ChainVerdict {
  let prev = from;
  for (const event of events) {
    if (event.seq !== prev.seq + 1) return { ok: false, seq: prev.seq + 1, reason: `event ${prev.seq + 1} is missing` };
    if (event.prevHash !== prev.hash)
      return { ok: false, seq: event.seq, reason: 'does not link to the event before it' };
    const { hash, ...rest } = event;
    if (hashEvent(rest) !== hash)
      return { ok: false, seq: event.seq, reason: 'its content was changed after it was written' };
    prev = { seq: event.seq, hash };
  }
  return { ok: true, length: events.length };
}

const UNAUDITED_FIELDS = new Set(['updatedAt', 'rev', 'audit', 'searchTerms']);

/** The fields that changed between two versions of a document: what the audit event stores as before/after. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of keys) {
    if (UNAUDITED_FIELDS.has(key)) continue;
    const was = before?.[key];
    const now = after[key];
    if (canonicalJson(was) !== canonicalJson(now)) {
      if (before) b[key] = was ?? null;
      a[key] = now ?? null;
    }
  }
  return { before: b, after: a };
}
