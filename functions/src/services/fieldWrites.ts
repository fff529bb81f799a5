import { loadCaseType } from '../data/caseTypes';
import { roDiscount } from '../domain/lifecycle/effects';
import { SETTINGS_DEFAULTS, type CaseTypeSettings } from '../domain/lifecycle/types';
import type { CaseState, CpeItem } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { dateOf } from '../domain/model/time';
import { Refusal } from '../domain/refusal';

/**
 * What the field API tells a caller at once, from the case it already read, before it writes a request
 * (docs/decisions/0015): the life cycle checks the same again when it applies the request, so these only save
 * the RO a round trip and a REJECTED request for a slip of the thumb.
 */

const wrongInput = (field: string, reason: string): Refusal =>
  new Refusal('invalid-argument', `Please correct ${field}: ${reason}.`, { fields: { [field]: reason } });

/** The case type's settings the case runs on (its own version), with the engine's defaults. */
export async function caseSettings(c: CaseState): Promise<Required<CaseTypeSettings>> {
  const config = await loadCaseType(c.caseType, c.configVersion);
  return { ...SETTINGS_DEFAULTS, ...config?.settings };
}

/** A contact dated before the case was given to this RO was not theirs to record. */
export function assertContactDate(c: CaseState, contactedOn: string | null | undefined): void {
  if (!contactedOn) return;
  const assigned = c.assignment?.roAssignedAt ?? c.openedAt;
  if (contactedOn < dateOf(assigned)) {
    throw wrongInput('contactedOn', `cannot be before the case was assigned to you (${dateOf(assigned)})`);
  }
}

/**
 * The result a contact is recorded as: a settlement an RO agreed with a discount above their limit is a
 * proposal that waits for a supervisor (maker-checker, docs/decisions/0013), not a refusal.
 */
export async function contactResultFor(
  actor: Actor,
  c: CaseState,
  result: string,
  agreedCents: number | null | undefined,
): Promise<string> {
  if (result !== 'settlement_agreed' || actor.role !== 'ro' || !agreedCents) return result;
  const { aboveLimit } = roDiscount(c, agreedCents, await caseSettings(c));
  return aboveLimit ? 'settlement_proposed' : result;
}

/** An extension within the case type's limit, and none already waiting. */
export async function assertExtensionRequest(c: CaseState, days: number): Promise<void> {
  const { maxExtensionDays } = await caseSettings(c);
  if (days > maxExtensionDays) throw wrongInput('days', `must be at most ${maxExtensionDays} days for this case`);
  const pending = (c.roRequests ?? []).find((r) => r.kind === 'validity_extension' && r.state === 'pending');
  if (pending) {
    throw new Refusal(
      'failed-precondition',
      `A validity extension requested on ${dateOf(pending.requestedAt)} is still waiting for a decision.`,
      { reason: 'request-pending', requestId: pending.id },
    );
  }
}

/** A CPE item of this case that is still to collect (pending, or rejected by RCMP and to collect again). */
export function itemToCollect(c: CaseState, itemId: string): CpeItem {
  const item = (c.cpe ?? []).find((i) => i.itemId === itemId);
  if (!item || c.requiredAction === 'arrears') throw wrongInput('itemId', 'is not a CPE item of this case');
  if (item.status === 'collected' || item.status === 'approved') {
    throw wrongInput('itemId', `is already ${item.status}`);
  }
  return item;
}
