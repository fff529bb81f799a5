import type { AssignmentInfo, CaseState, RoRequest } from '../model/case';
import { addDays, type Instant } from '../model/time';

/**
 * The assignment's validity period (docs/decisions/0040-validity-lapse-and-extension.md): started by a placement,
 * moved by an approved extension, held while an extension request waits, started again by an RO assignment
 * that follows a lapse.
 */

/** The kind of RO request (a result of the `roRequest` action) that asks for a longer validity. */
export const VALIDITY_EXTENSION = 'validity_extension';

/** What an expiry signals: the notifications (domain/notifications/events.ts) read them from the audit event. */
export const VALIDITY_SIGNALS = {
  expired: 'case.validityExpired',
  returnedToSection: 'case.returnedToSection',
} as const;

/** The extension request waiting for an officer's decision, if any: while it waits the validity does not end. */
export function pendingExtension(c: Pick<CaseState, 'roRequests'>): RoRequest | null {
  return (c.roRequests ?? []).find((r) => r.kind === VALIDITY_EXTENSION && r.state === 'pending') ?? null;
}

/**
 * The assignment once an RO is given the case. A validity period still running is kept (giving the case to another
 * RO does not lengthen it); one that has ended, or never started, starts again: the DRC works the case under a
 * new assignment, which the next monitor run must not take away for the old period's end.
 */
export function assignmentToRo(a: AssignmentInfo, by: string, now: Instant, validityDays: number): AssignmentInfo {
  const running = a.validUntil !== null && a.validUntil > now;
  return {
    ...a,
    roAssignedAt: now,
    roAssignedBy: by,
    validUntil: running ? a.validUntil : addDays(now, validityDays),
  };
}

/** The assignment of a case taken back from its DRC (a recall, an expiry that returns it to the recovery section). */
export function assignmentTakenBack(a: AssignmentInfo, why: string): AssignmentInfo {
  return { ...a, drcAssignedAt: null, drcReason: why, roAssignedAt: null, roAssignedBy: null, validUntil: null };
}
