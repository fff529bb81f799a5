import type { Language } from './languages';
import type { Cents } from './money';
import type { CalendarDate, Instant } from './time';

/** What the operator asks a DRC to do on an account: collect arrears, collect CPE only, or both. */
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
  /** A second number the customer gave (set by an RO's contact update). */
  altPhone?: string | null;
  email: string | null;
  address: string;
  city: string;
  region: string;
  /** National identity card number; masked wherever it is shown or logged. */
  nic: string | null;
  language: Language;
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
  /** The day the RO says the item was collected (never in the future); collectedAt is when it was recorded. */
  collectedOn?: CalendarDate | null;
  /** Where it was collected (the customer's address, a branch...). */
  location?: string | null;
  /** Where the phone was when the collection was recorded (the mobile app's position fix). */
  geo?: GeoPoint | null;
  /**
   * The photo taken at collection: the storage path the app uploaded it to (`cpe-photos/{caseId}/{itemId}/...`,
   * services/cpePhotos.ts), or a reference an older client kept.
   */
  photoRef?: string | null;
  /** Why RCMP rejected it, or why the last collection attempt failed. */
  decisionReason?: string | null;
  decidedBy?: string | null;
  decidedAt?: Instant | null;
  collectedBy?: string | null;
  failedAttempts?: number;
  failureReason?: string | null;
  /** Every failed attempt to collect it, oldest first (the item stays to collect). */
  attempts?: CpeAttempt[];
}

/** A position fix: degrees, and the radius in metres the phone is confident of. */
export interface GeoPoint {
  lat: number;
  lng: number;
  accuracyM: number | null;
}

/** A failed attempt to collect a CPE item. */
export interface CpeAttempt {
  at: Instant;
  by: string;
  /** The life cycle's result (not_reached, refused, not_collected) and the RO's reason code, if one was given. */
  result: string;
  reasonCode: string | null;
  reason: string;
  requestId: string;
}

export interface Instalment {
  seq: number;
  dueDate: CalendarDate;
  amountCents: Cents;
  paidCents: Cents;
}

export interface Settlement {
  /** One payment (a lump sum) or several instalments; derived from the number of instalments. */
  plan?: 'lump_sum' | 'instalments';
  /** The approval that allowed a discount above the maker's limit, when one was needed. */
  approvalId?: string | null;
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
  /** Set when the payment was reversed (bounced cheque, wrong account...): it then counts for nothing. */
  reversedAt?: Instant | null;
  reversedBy?: string | null;
  reversalReason?: string | null;
}

/**
 * Money a source system received for the account that the case could not take as a payment (more than was due,
 * a closed case, a case that takes no payments): kept on the case as a credit for the recovery section to refund
 * or re-allocate (docs/decisions/0028-unabsorbed-money-is-a-credit.md). Keyed by the source's payment reference.
 */
export interface CaseCredit {
  reference: string;
  amountCents: Cents;
  paidOn: CalendarDate;
  method: string;
  /** Why the case did not take it as a payment. */
  reason: string;
  /** The source change that brought it. */
  sourceChangeId: string;
  receivedAt: Instant;
  /** The to-do raised for it on the case. */
  taskId: string;
}

/** The to-do type raised for every credit: the recovery section refunds or re-allocates the money. */
export const CREDIT_TASK_TYPE = 'refundOrReallocate';

/** A payment that still counts (not reversed). */
export function isLivePayment(p: Payment): boolean {
  return !p.reversedAt;
}

export interface ContactSummary {
  at: Instant;
  channel: string;
  outcome: string;
  by: string;
  /** The day of the contact as the RO reports it (may be earlier than `at` when recorded late). */
  contactedOn?: CalendarDate;
  notes?: string;
}

/** Customer contact details an RO may correct in the field; every change is kept as history. */
export const CONTACT_FIELDS = ['phone', 'altPhone', 'email', 'address', 'city'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactChange {
  field: ContactField;
  from: string | null;
  to: string | null;
  reason: string;
  at: Instant;
  by: string;
  requestId: string;
}

/**
 * A change that needs a second person (maker-checker): e.g. a settlement whose discount is above the
 * maker's limit. The maker never decides their own.
 */
export interface Approval {
  id: string;
  kind: 'settlement_discount';
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  makerUid: string;
  makerRole: string;
  madeAt: Instant;
  /** What is asked for, as entered (for a settlement: agreedCents, instalments, firstDueDate, discountCents). */
  details: Record<string, string | number>;
  checkerUid: string | null;
  decidedAt: Instant | null;
  note: string | null;
}

/** An RO's request to the recovery section: a board letter, a validity extension... */
export interface RoRequest {
  id: string;
  /** The result code of the `roRequest` action: the kinds are configured per case type. */
  kind: string;
  reason: string;
  /** For a validity extension: how many days. */
  days: number | null;
  state: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestedAt: Instant;
  decidedBy: string | null;
  decidedAt: Instant | null;
  note: string | null;
}

/** Mediation board phases (docs/domain.md): where a case before the board stands. */
export const BOARD_PHASES = [
  'escalated',
  'letter_requested',
  'letter_issued',
  'hearing_scheduled',
  'customer_responded',
  'settled',
  'unresolved',
] as const;
export type BoardPhase = (typeof BOARD_PHASES)[number];

export interface BoardRecord {
  escalatedAt: Instant;
  escalatedBy: string;
  reason: string;
  letterRequestedAt: Instant | null;
  letterIssuedAt: Instant | null;
  hearingDate: CalendarDate | null;
  hearingPlace: string | null;
  customerResponse: string | null;
  customerResponseNotes: string | null;
  outcome: string | null;
  outcomeAt: Instant | null;
}

export interface AssignmentInfo {
  drcAssignedAt: Instant | null;
  /** Why this DRC was chosen: the rule and the scores, so every placement can be explained. */
  drcReason: string | null;
  roAssignedAt: Instant | null;
  roAssignedBy: string | null;
  /** End of the assignment's validity period (ROs may ask for an extension). */
  validUntil: Instant | null;
}

/** A to-do raised on the case (by a monitor, a status hook or a user); its id makes raising it idempotent. */
/**
 * What a monitor adds to a to-do's label, as values, so the web says it in the reader's language: the instalment
 * overdue, the hearing passed, the date coming up, the validity ending.
 */
export type TodoDetail =
  | { kind: 'instalment'; seq: number; date: string }
  | { kind: 'hearing'; date: string }
  | { kind: 'date'; date: string }
  | { kind: 'validUntil'; date: string };

export interface CaseTask {
  id: string;
  type: string;
  /** The English title, whole (with the detail): what API clients and to-dos raised before translations show. */
  label: string;
  /** The configured label (without the detail) in Sinhala and Tamil; absent on to-dos raised before them. */
  labels?: { si: string; ta: string };
  /** The configured label in English, without the detail, when there is a detail. */
  baseLabel?: string;
  detail?: TodoDetail;
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

/** Another case holds this one (an open deceased or bankruptcy case holds collection activity). */
export interface CaseHold {
  byCaseId: string;
  reason: string;
  since: Instant;
}

export type Characteristic = string | number | boolean | null;

/** The head of a hash chain of audit events for one entity: tamper evidence (docs/decisions/0005). */
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
  /** Money received but not absorbed (see CaseCredit); collected figures count paidCents + creditCents. */
  credits?: CaseCredit[];
  creditCents?: Cents;
  /** Set while the DRC placement is deferred (no DRC could take the case): when the sweep tries again. */
  placementRetryAt?: Instant | null;
  placementAttempts?: number;
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
  /** Set by a hook that asks for the case to be placed again (a monitor's "reallocate" step, docs/domain.md). */
  reallocate: boolean;
  /** Keys of the once-per-status-entry hooks that already fired since the case entered its status. */
  firedHooks: string[];
  /** Lower-case search terms (account, name words, phone) for the job basket's search box. */
  searchTerms: string[];
  /** Where the case stands before the mediation board (top level so lists filter and count by it); null if never escalated. */
  boardPhase: BoardPhase | null;
  board: BoardRecord | null;
  /** Maker-checker approvals asked for on this case, newest last. */
  approvals: Approval[];
  /** The RO's requests on this case (mirrored to `roRequests/{id}` for listing per RO). */
  roRequests: RoRequest[];
  /** Every change of the customer's contact details, oldest first. */
  contactHistory: ContactChange[];
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
