import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import { loadCaseType } from '../../data/caseTypes';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { INDICATOR_EFFECTS } from '../../domain/lifecycle/effects';
import type { CaseState } from '../../domain/model/case';
import type { Actor } from '../../domain/model/roles';
import type { Instant } from '../../domain/model/time';
import {
  checkContact,
  describeFinding,
  recordContact,
  type ContactCheck,
  type ContactPolicy,
  type ContactState,
} from '../../domain/notifications/compliance';
import { normalisePhone } from '../../domain/notifications/optOut';
import { Refusal } from '../../domain/refusal';
import { loadCaseFor } from '../caseAccess';
import { currentContactPolicy } from './contactPolicy';
import { optedOutAmong } from './optOut';

interface Reader {
  get(ref: DocumentReference): Promise<DocumentSnapshot>;
}
const direct: Reader = { get: readDoc };

/** The customer's contact history and caps, shared with the outbound messages (services/notifications/deliver.ts). */
export const contactHistoryRef = (c: Pick<CaseState, 'customerKey' | 'accountNumber'>) =>
  firestore()
    .collection(COL.customerContacts)
    .doc(c.customerKey || c.accountNumber);

export interface GateVerdict {
  check: ContactCheck;
  policy: ContactPolicy;
  policyVersion: number;
  /** The customer's contact history as read, for the caller to add this contact to. */
  history: ContactState;
}

/** The gate's verdict on a person contacting the case's customer now on `channel` (reads only). */
export async function contactVerdict(
  reader: Reader,
  c: CaseState,
  channel: string,
  now: Instant,
): Promise<GateVerdict> {
  const { version, policy } = await currentContactPolicy();
  const numbers = [c.customer?.phone, c.customer?.altPhone]
    .map((p) => normalisePhone(p))
    .filter((p): p is string => p !== null);
  const optedOut = await optedOutAmong(reader, numbers);
  const snap = await reader.get(contactHistoryRef(c));
  const history: ContactState = { optedOut: false, recent: [], ...(snap.data() as Partial<ContactState> | undefined) };
  const check = checkContact({
    now,
    channel,
    indicators: c.indicators ?? [],
    hold: c.hold ? { reason: c.hold.reason } : null,
    numbers,
    optedOut,
    recent: history.recent,
    policy,
  });
  return { check, policy, policyVersion: version, history };
}

export function describeVerdict(v: Pick<GateVerdict, 'check' | 'policy'>): string {
  const { check, policy } = v;
  if (check.decision === 'allow') return 'The customer may be contacted now.';
  const why = check.reasons.map((r) => describeFinding(r, policy)).join('; ');
  return check.decision === 'block' ? `Contact is not allowed: ${why}.` : `Contact is allowed with a warning: ${why}.`;
}

/** The refusal for a contact the gate blocks: its message names the reason, its details carry the codes. */
export function contactRefusal(v: GateVerdict): Refusal {
  return new Refusal('failed-precondition', describeVerdict(v), {
    reason: 'contact-blocked',
    findings: v.check.reasons.map((r) => ({ code: r.code, detail: r.detail })),
  });
}

/** The history after this contact: counted towards the caps of every later contact and message. */
export function historyWithContact(v: GateVerdict, now: Instant): ContactState {
  return recordContact(v.history, now);
}

/** What the audit event of a recorded contact carries about the gate (the warnings it was made despite). */
export function complianceNote(v: GateVerdict): Record<string, unknown> {
  return {
    decision: v.check.decision,
    reasons: v.check.reasons.map((r) => ({ code: r.code, detail: r.detail })),
    message: describeVerdict(v),
    policyVersion: v.policyVersion,
  };
}

export async function checkContactFor(actor: Actor, caseId: string, channel: string, now: Instant) {
  const c = await loadCaseFor(actor, caseId);
  const v = await contactVerdict(direct, c, channel, now);
  return {
    decision: v.check.decision,
    reasons: v.check.reasons.map((r) => ({ ...r, message: describeFinding(r, v.policy) })),
    message: describeVerdict(v),
    policyVersion: v.policyVersion,
    at: v.check.at,
  };
}

/** Effects that raise an indicator: a contact result carrying one is recorded even where contact is blocked. */
export const RAISES_INDICATOR: ReadonlySet<string> = new Set(Object.values(INDICATOR_EFFECTS));

/**
 * recordContact's at-once answer: refused, changing nothing, when the gate blocks the contact on the case as it
 * is now (the request trigger checks again in the transaction that records it).
 */
export async function assertContactAllowed(
  c: CaseState,
  input: { action: string; result: string; channel: string },
  now: Instant,
): Promise<void> {
  const config = await loadCaseType(c.caseType, c.configVersion);
  const result = config?.actions.find((a) => a.code === input.action)?.results.find((r) => r.code === input.result);
  if (result?.effects.some((e) => RAISES_INDICATOR.has(e))) return;
  const v = await contactVerdict(direct, c, input.channel, now);
  if (v.check.decision === 'block') throw contactRefusal(v);
}
