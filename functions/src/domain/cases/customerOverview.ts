import {
  amountDueCents,
  type CaseState,
  type ContactChange,
  type ContactSummary,
  type Customer,
  type Product,
  type RequiredAction,
} from '../model/case';
import type { Actor } from '../model/roles';
import type { Instant } from '../model/time';
import { canSeeCase } from '../policy/caseScope';

/** One of the customer's other cases, as the Customer 360 panel lists it. */
export interface CustomerCaseView {
  caseId: string;
  accountNumber: string;
  requiredAction: RequiredAction;
  status: string;
  statusLabel: string;
  /** The status in Sinhala and Tamil (null: the case type's version has no translations). */
  statusLabels: { si: string; ta: string } | null;
  closed: boolean;
  arrearsCents: number;
  amountDueCents: number;
  drcId: string | null;
  drcName: string | null;
  roId: string | null;
  roName: string | null;
  openedAt: Instant;
  lastContact: ContactSummary | null;
}

/** A change of the customer's contact details, with the case it was recorded on and who made it. */
export interface CustomerContactChange extends ContactChange {
  caseId: string;
  accountNumber: string;
  byName: string | null;
}

export interface CustomerOverview {
  caseId: string;
  /** The contact details as this case holds them (no identity number). */
  customer: Omit<Customer, 'nic' | 'altPhone'> & { altPhone: string | null };
  /** The billed products of this case's account. */
  products: Product[];
  lastContact: ContactSummary | null;
  /** Changes of the contact details on this case and the other cases shown, newest first. */
  contactHistory: CustomerContactChange[];
  /** The customer's other cases the caller may see, newest first. */
  otherCases: CustomerCaseView[];
}

/** How the overview names things it only knows by id (filled by the caller from the case types and profiles). */
export interface OverviewNames {
  statusLabel(c: CaseState): string;
  statusLabels(c: CaseState): { si: string; ta: string } | null;
  drcs: Record<string, string>;
  users: Record<string, string>;
}

function caseRowOf(c: CaseState, names: OverviewNames): CustomerCaseView {
  return {
    caseId: c.id,
    accountNumber: c.accountNumber,
    requiredAction: c.requiredAction,
    status: c.status,
    statusLabel: names.statusLabel(c),
    statusLabels: names.statusLabels(c),
    closed: c.closedAt !== null,
    arrearsCents: c.arrearsCents ?? 0,
    amountDueCents: amountDueCents({
      settlement: c.settlement ?? null,
      arrearsCents: c.arrearsCents ?? 0,
      paidCents: c.paidCents ?? 0,
    }),
    drcId: c.drcId,
    drcName: c.drcId ? (names.drcs[c.drcId] ?? null) : null,
    roId: c.roId,
    roName: c.roId ? (names.users[c.roId] ?? null) : null,
    openedAt: c.openedAt,
    lastContact: c.lastContact ?? null,
  };
}

/** The customer's cases other than `current` that `actor` may see: the rest never leave the server. */
export function visibleSiblings(actor: Actor, current: CaseState, sameCustomer: CaseState[]): CaseState[] {
  return sameCustomer.filter(
    (c) => c.id !== current.id && c.customerKey === current.customerKey && canSeeCase(actor, c),
  );
}

/**
 * Customer 360 for a case the caller may see: the customer's other cases within the caller's
 * scope, the products of this case's account, the contact details and every change to them recorded on the
 * cases shown (newest first). Guarantors are not part of the source records, so there are none to show.
 * The identity number is left out: it is the key, never something to display.
 */
export function customerOverviewOf(
  actor: Actor,
  current: CaseState,
  sameCustomer: CaseState[],
  names: OverviewNames,
): CustomerOverview {
  const others = visibleSiblings(actor, current, sameCustomer).sort(
    (a, b) => b.openedAt.localeCompare(a.openedAt) || a.id.localeCompare(b.id),
  );
  const contactHistory = [current, ...others]
    .flatMap((c) =>
      (c.contactHistory ?? []).map((h) => ({
        ...h,
        caseId: c.id,
        accountNumber: c.accountNumber,
        byName: names.users[h.by] ?? null,
      })),
    )
    .sort((a, b) => b.at.localeCompare(a.at));
  const { name, phone, altPhone, email, address, city, region, language } = current.customer;
  return {
    caseId: current.id,
    customer: { name, phone, altPhone: altPhone ?? null, email, address, city, region, language },
    products: current.products ?? [],
    lastContact: current.lastContact ?? null,
    contactHistory,
    otherCases: others.map((c) => caseRowOf(c, names)),
  };
}
