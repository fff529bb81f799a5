import { COL, firestore } from '../../src/data/db';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseState } from '../../src/domain/model/case';
import { storedNewCase } from '../../src/domain/model/storedCase';
import type { AuditLike } from '../../src/domain/notifications/events';
import type { InboxItem } from '../../src/domain/notifications/plan';
import { col } from '../../src/services/notifications/store';
import { demoCaseInStatus } from './caseFactory';

/** What the notification tests share: a case of drc1's demo-ro1, an audit event on it, the inbox it caused. */
export const NOTIFY_NOW = '2026-11-23T05:00:00.000Z';

export async function putNotifyCase(id: string, overrides: Partial<CaseState> = {}): Promise<CaseState> {
  const c = demoCaseInStatus(debtxTelco, 'NEGOTIATION', { id, drcId: 'drc1', roId: 'demo-ro1', ...overrides });
  // As writeCaseWithAudit stores a new case: with its derived fields.
  await firestore().collection(COL.cases).doc(id).set(storedNewCase(c));
  return c;
}

export function caseAudit(
  caseId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  actor: AuditLike['actor'] = { uid: 'demo-ro1', role: 'ro' },
): Omit<AuditLike, 'id'> {
  return {
    entity: `cases/${caseId}`,
    at: NOTIFY_NOW,
    action: 'test',
    actor,
    before,
    after,
  };
}

/** The inbox entries of the events whose id starts so. */
export async function inboxFor(eventPrefix: string): Promise<InboxItem[]> {
  const snap = await col('inbox').get();
  return snap.docs.map((d) => d.data() as InboxItem).filter((i) => i.eventId.startsWith(eventPrefix));
}
