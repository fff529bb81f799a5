import type { Cents } from './money';
import type { CalendarDate, Instant } from './time';

/** What the operator asks a DRC to do on an account (seed 000 §2.1). */
export const REQUIRED_ACTIONS = ['arrears', 'cpe', 'arrears_cpe'] as const;
export type RequiredAction = (typeof REQUIRED_ACTIONS)[number];

export const REQUIRED_ACTION_LABELS: Record<RequiredAction, string> = {
  arrears: 'Collect arrears',
  cpe: 'Collect CPE only',
  arrears_cpe: 'Collect arrears and CPE',
};

export function needsArrears(action: RequiredAction): boolean {
  return action === 'arrears' || action === 'arrears_cpe';
}
export function needsCpe(action: RequiredAction): boolean {
  return action === 'cpe' || action === 'arrears_cpe';
}

export interface Customer {
  name: string;
  phone: string;
  email: string | null;
  address: string;
  city: string;
  region: string;
  /** National identity card number; masked wherever it is shown or logged. */
  nic: string | null;
  language: 'en' | 'si' | 'ta';
}

/** A billed product on the account (fibre, PEO TV, voice...): every one is linked to the one case. */
export interface Product {
  productId: string;
  kind: string;
  status: string;
  arrearsCents: Cents;
}

export type CpeItemStatus = 'pending' | 'collected' | 'approved' | 'rejected';

export interface CpeItem {
  itemId: string;
  kind: string;
  serialNumber: string;
  status: CpeItemStatus;
  collectedAt: Instant | null;
  condition: string | null;
}

export interface Instalment {
  seq: number;
  dueDate: CalendarDate;
  amountCents: Cents;
  paidCents: Cents;
}

export interface Settlement {
  agreedCents: Cents;
  discountCents: Cents;
  instalments: Instalment[];
  agreedAt: Instant;
  agreedBy: string;
}

export interface Payment {
  paymentId: string;
  amountCents: Cents;
  paidOn: CalendarDate;
  method: string;
  reference: string;
  recordedAt: Instant;
  recordedBy: string;
}

export interface ContactSummary {
  at: Instant;
  channel: string;
  outcome: string;
  by: string;
}

export interface AssignmentInfo {
  drcAssignedAt: Instant | null;
  /** Why this DRC was chosen: the rule and the scores, so every placement can be explained. */
  drcReason: string | null;
  roAssignedAt: Instant | null;
  roAssignedBy: string | null;
  /** End of the assignment's validity period (seed 000 §2.2: ROs may ask for an extension). */
  validUntil: Instant | null;
}

/** A to-do raised on the case (by a monitor, a status hook or a user); its id makes raising it idempotent. */
export interface CaseTask {
  id: string;
  type: string;
  label: string;
  status: 'open' | 'done';
  raisedAt: Instant;
  dueAt: Instant | null;
  doneAt: Instant | null;
}

/** A promise to pay: kept when payments after it reach its amount by its date (plus tolerance), else broken. */
export interface PromiseToPay {
  id: string;
  amountCents: Cents;
  dueDate: CalendarDate;
  madeAt: Instant;
  paidAtMadeCents: Cents;
  status: 'open' | 'kept' | 'broken';
  decidedAt: Instant | null;
}

/** Another case holds this one (seed 003: an open deceased or bankruptcy case holds collection activity). */
export interface CaseHold {
  byCaseId: string;
  reason: string;
  since: Instant;
}

export type Characteristic = string | number | boolean | null;

/** The head of a hash chain of audit events for one entity (issue 7: tamper evidence). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The case document (`cases/{caseId}`), as the domain sees it. */
export interface CaseState {
  id: string;
  caseType: string;
  configVersion: number;
  accountNumber: string;
  requiredAction: RequiredAction;
  status: string;
  statusSince: Instant;
  customer: Customer;
  products: Product[];
  cpe: CpeItem[];
  arrearsCents: Cents;
  paidCents: Cents;
  payments: Payment[];
  settlement: Settlement | null;
  lastContact: ContactSummary | null;
  nextFollowUpOn: CalendarDate | null;
  drcId: string | null;
  roId: string | null;
  assignment: AssignmentInfo;
  /** When the scheduled monitor must next look at this case; null when nothing is due ever again. */
  nextMonitorAt: Instant | null;
  /** Which of the monitor's shards this case belongs to, so a large run fans out without overlap. */
  monitorShard: number;
  /** Identifies the customer across accounts (the NIC where known): cross-case rules match on it. */
  customerKey: string;
  /** The `openCases` document that makes this case the only open one of its kind; released on closing. */
  openKey: string;
  openedAt: Instant;
  closedAt: Instant | null;
  closureReason: string | null;
  updatedAt: Instant;
  createdBy: string;
  /** Incremented on every change: offline clients send the revision they saw, to detect conflicts. */
  rev: number;
  audit: AuditHead;
  /** Per-type facts captured by results and creation fields (chapter, hearing date, agency tier...). */
  characteristics: Record<string, Characteristic>;
  tasks: CaseTask[];
  workLists: string[];
  promises: PromiseToPay[];
  hold: CaseHold | null;
  /** Risk and warning indicators mirrored from the source systems (dispute, cease_and_desist, deceased...). */
  indicators: string[];
  /** The account's status in billing (BSS), mirrored by sync: active, suspended, disconnected, closed_written_off... */
  accountStatus: string;
  /** Consecutive contact attempts without reaching the customer (drives skip tracing). */
  failedContacts: number;
  /** Set by a hook that asks for the case to be placed again (seed 003: reallocate switch). */
  reallocate: boolean;
  /** Keys of the once-per-status-entry hooks that already fired since the case entered its status. */
  firedHooks: string[];
  /** Lower-case search terms (account, name words, phone) for the job basket's search box. */
  searchTerms: string[];
}

export const MONITOR_SHARDS = 16;

/** A stable shard for a case id (FNV-1a), spreading cases evenly over the monitor's shards. */
export function monitorShardOf(caseId: string): number {
  let h = 2166136261;
  for (let i = 0; i < caseId.length; i++) {
    h ^= caseId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % MONITOR_SHARDS;
}

/** What remains owed: the settlement amount when one is agreed, else the arrears. */
export function amountDueCents(c: Pick<CaseState, 'settlement' | 'arrearsCents' | 'paidCents'>): Cents {
  const target = c.settlement ? c.settlement.agreedCents : c.arrearsCents;
  return Math.max(0, target - c.paidCents);
}

export function searchTermsFor(accountNumber: string, customer: Pick<Customer, 'name' | 'phone'>): string[] {
  const words = customer.name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const digits = customer.phone.replace(/\D/g, '');
  const local = digits.slice(-9);
  // The phone is findable as typed in any usual form: +94 77..., 94 77..., 077..., 77...
  return Array.from(new Set([accountNumber.toLowerCase(), ...words, digits, local, `0${local}`])).filter(Boolean);
}

/** The single search term a search box entry is looked up by (see searchTermsFor). */
export function searchKeyFor(query: string): string {
  const trimmed = query.trim().toLowerCase();
  return /^[\d\s+()-]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}
