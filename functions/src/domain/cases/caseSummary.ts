import { amountDueCents, type CaseState } from '../model/case';
import { phaseOf } from './phases';
import type { CaseSummary } from '../contracts/schemas';

/** What a list row shows of a case: no identity numbers, nothing the field does not need. */
export function caseSummaryOf(c: CaseState): CaseSummary {
  const open = (c.promises ?? []).find((p) => p.status === 'open') ?? null;
  return {
    id: c.id,
    accountNumber: c.accountNumber,
    requiredAction: c.requiredAction,
    status: c.status,
    phase: phaseOf(c),
    customerName: c.customer?.name ?? '',
    customerPhone: c.customer?.phone ?? '',
    city: c.customer?.city ?? '',
    arrearsCents: c.arrearsCents ?? 0,
    paidCents: c.paidCents ?? 0,
    creditCents: c.creditCents ?? 0,
    amountDueCents: amountDueCents({
      settlement: c.settlement ?? null,
      arrearsCents: c.arrearsCents ?? 0,
      paidCents: c.paidCents ?? 0,
    }),
    drcId: c.drcId ?? null,
    roId: c.roId ?? null,
    lastContact: c.lastContact ?? null,
    nextFollowUpOn: c.nextFollowUpOn ?? null,
    openPromise: open
      ? { id: open.id, amountCents: open.amountCents, dueDate: open.dueDate, status: open.status }
      : null,
    validUntil: c.assignment?.validUntil ?? null,
    updatedAt: c.updatedAt,
    rev: c.rev ?? 0,
  };
}
