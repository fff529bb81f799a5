/**
 * The shapes the web client and the mobile API exchange with the functions.
 * Types only (no runtime code), so the web client can import them without pulling in server code.
 */
import type { CaseState } from '../domain/model/case';
import type { ActorRole, Role } from '../domain/model/roles';

export type CaseView = CaseState;

export interface TimelineEntry {
  id: string;
  seq: number;
  at: string;
  actor: { uid: string; role: ActorRole; displayName: string | null };
  /** e.g. `registerCase`, `recordPayment/received`, `manual:WRITTEN_OFF`. */
  action: string;
  summary: string;
  transitions: { from: string; to: string; mode: string }[];
  requestId: string | null;
}

/** A JSON Schema (draft 2020-12) of a result's inputs, generated from its zod schema: the web renders the form from it. */
export type JsonSchema = Record<string, unknown>;

export interface ResultView {
  code: string;
  label: string;
  next: string | null;
  inputSchema: JsonSchema;
}

export interface ActionView {
  code: string;
  label: string;
  results: ResultView[];
}

export interface StatusView {
  code: string;
  label: string;
  kind: 'initial' | 'interim' | 'final';
}

export interface PersonRef {
  uid: string;
  displayName: string;
}

export interface CaseDetail {
  case: CaseView;
  statusLabel: string;
  timeline: TimelineEntry[];
  /** What the caller may record on this case now. */
  actions: ActionView[];
  /** Manual transitions the caller may make now. */
  manualTargets: StatusView[];
  /** For a DRC admin: the recovery officers of the case's DRC, to assign. */
  assignableRos: PersonRef[];
  drcName: string | null;
  roName: string | null;
}

/** The job basket's tabs, counters and sort orders (functions/src/domain/jobBasket/basket.ts). */
export type BasketTab = 'all' | 'active' | 'negotiation' | 'mediation' | 'cpe' | 'requests' | 'approvals' | 'closed';
export type BasketCounter =
  'promisesDue' | 'promisesKept' | 'promisesBroken' | 'followUpsDue' | 'escalated' | 'notFollowedUp';
export type BasketSort = 'updatedAt' | 'arrears' | 'statusSince' | 'account';

/** What narrows the job basket: the same for its list, its counts and its export. */
export interface BasketFilter {
  status?: string;
  search?: string;
  tab?: BasketTab;
  counter?: BasketCounter;
  drcId?: string;
  roId?: string;
  /** Calendar dates (YYYY-MM-DD) bounding updatedAt. */
  updatedFrom?: string;
  updatedTo?: string;
  /** Calendar dates (YYYY-MM-DD) bounding openedAt (the dashboard's ageing links). */
  openedFrom?: string;
  openedTo?: string;
}

export interface ListCasesInput extends BasketFilter {
  sort?: BasketSort;
  limit?: number;
  cursor?: string;
}

/** DRC and user names by id, so lists never show bare ids. */
export interface NameMaps {
  drcs: Record<string, string>;
  users: Record<string, string>;
}

export interface ListCasesOutput {
  cases: CaseView[];
  nextCursor: string | null;
  statuses: StatusView[];
  names: NameMaps;
}

export interface BasketCountsOutput {
  /** The tabs the caller works from, the first one to open on. */
  tabs: BasketTab[];
  /** Cases in each of those tabs (with the other filters applied). */
  tabCounts: Partial<Record<BasketTab, number>>;
  /** Cases of each counter within the chosen tab and filters. */
  counters: Record<BasketCounter, number>;
  /** Every DRC and RO the caller may filter by. */
  drcs: { id: string; name: string }[];
  ros: { uid: string; name: string; drcId: string | null }[];
}

export interface ExportCasesInput extends BasketFilter {
  sort?: BasketSort;
  format: 'csv' | 'xlsx';
  /** The columns shown, in order, with their headings in the reader's language. */
  columns: { key: ExportColumn; heading: string }[];
  /** Status code → label in the reader's language (the configured label otherwise). */
  statusLabels?: Record<string, string>;
}

export type ExportColumn =
  | 'account'
  | 'customer'
  | 'phone'
  | 'requiredAction'
  | 'status'
  | 'arrears'
  | 'amountDue'
  | 'drc'
  | 'ro'
  | 'nextFollowUp'
  | 'statusSince'
  | 'updated';

export interface ExportCasesOutput {
  fileName: string;
  /** CSV text, or the .xlsx file as base64. */
  content: string;
  encoding: 'utf8' | 'base64';
  rows: number;
  /** True when the list was longer than the export limit and was cut. */
  truncated: boolean;
}

export type RequestType = 'registerCase' | 'caseAction' | 'manualTransition' | 'completeTask';
export type RequestState = 'PENDING' | 'APPLIED' | 'REJECTED';

export interface SubmitRequestInput {
  type: RequestType;
  caseId?: string;
  payload: Record<string, unknown>;
  /** A client-made id (uuid) so a retried submission is the same request, never a second one. */
  clientRequestId: string;
}

export interface RequestView {
  id: string;
  type: RequestType;
  state: RequestState;
  caseId: string | null;
  error: { code: string; message: string; fields?: Record<string, string> } | null;
  createdAt: string;
  appliedAt: string | null;
}

export interface Me {
  uid: string;
  email: string | null;
  role: Role;
  drcId: string | null;
  displayName: string;
}

/** Case types: the contracts in domain/contracts/configuration.ts. */
export type {
  CaseTypeView,
  ListCaseTypesOutput,
  SaveCaseTypeInput,
  SaveCaseTypeOutput,
} from '../domain/contracts/configuration';

/**
 * Field work (docs/decisions/0013). Cases carry `boardPhase` (top level, null until escalated; one of BOARD_PHASES:
 * escalated → letter_requested → letter_issued → hearing_scheduled → customer_responded → settled / unresolved),
 * `board` (dates, response, outcome), `roRequests`, `approvals` and `contactHistory`. RO requests and approvals
 * are also mirrored, in the same transaction as the case, to `roRequests/{requestId}` and `approvals/{requestId}`
 * (the id is the request that opened them) so lists can query them:
 * - roRequests: an RO's where drcId == <their DRC>, roId == <RO uid> (the RO who asked) and caseRoId == <RO uid>
 *   (the case is still theirs); a DRC admin's where drcId == <drc>; and state in pending/approved/rejected,
 *   ordered by requestedAt desc (indexes in firestore.indexes.json);
 * - approvals: where state == 'pending', ordered by madeAt desc (a supervisor's queue).
 * Every entry is rewritten when its case's DRC or RO changes, pending ones also when its status changes
 * (docs/decisions/0026-listing-mirrors-follow-the-case.md); `caseClosed` marks those on closed cases (never
 * decided: leave them out of active lists).
 * They are opened and decided only through `caseAction` requests: roRequest/<kind> {reason, days?},
 * decideRoRequest/approved|rejected {requestId, note?}, recordContact/settlement_proposed, decideSettlement/approved|rejected.
 */
export type { BoardPhase, RoRequest, Approval, ContactChange } from '../domain/model/case';
/** Customer 360 on the case page (`customerOverview` callable). */
export type { CustomerOverview, CustomerCaseView, CustomerContactChange } from '../domain/cases/customerOverview';
export type { RoRequestDoc as RoRequestListItem, ApprovalDoc as ApprovalListItem } from '../domain/requests/mirrors';
/** A bulk import's progress as the officer's screen shows it (functions/src/services/bulkImport.ts ImportSummary). */
export interface ImportView {
  importId: string;
  fileName: string;
  kind: string;
  state: 'PARSING' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  registered: number;
  rejected: number;
  invalid: number;
  duplicates: number;
  errors: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  error: string | null;
  existing?: boolean;
  percent?: number;
  busy?: boolean;
}

/** One DRC's or RO's figures on the dashboard (DRC and RO performance). */
export interface PerformanceRow {
  id: string;
  name: string;
  cases: number;
  open: number;
  arrearsCents: number;
  collectedCents: number;
  /** Collected ÷ arrears placed, 0..1. */
  recoveryRate: number;
  promisesKept: number;
  promisesBroken: number;
}

export type AgeBucket = '0_30' | '31_60' | '61_90' | '90plus';
export type Stage = 'intake' | 'field' | 'escalated' | 'closed';

export interface DashboardOutput {
  byStatus: { status: string; label: string; count: number }[];
  byStage: { stage: Stage; count: number }[];
  totals: { cases: number; open: number; arrearsCents: number; collectedCents: number; recoveryRate: number };
  drcs: PerformanceRow[];
  ros: PerformanceRow[];
  /** Open cases by days since opened; `from`/`to` are the openedAt dates (YYYY-MM-DD) bounding the bucket. */
  ageing: { bucket: AgeBucket; count: number; openedFrom: string | null; openedTo: string | null }[];
  /** Cases opened and closed per week, oldest first; weeks start on Monday. */
  trend: { weekStart: string; opened: number; closed: number }[];
}

// ─── Assignment: the contracts in domain/contracts/assignment.ts ───────────────────────────────────────
export type {
  AssignmentRules,
  RoAssignmentModeName,
  AgencyTierName,
  DrcTermsInput,
  DrcPolicyView,
  BrokenDrcView,
  AssignmentPolicyView,
  SaveAssignmentPolicyInput,
  SetRoAssignmentModeInput,
  SetRoProfileInput,
  RecallCasesInput,
  ReassignCasesInput,
  PlaceWithAgencyInput,
  BulkCaseResult,
  BulkOperationResult,
} from '../domain/contracts/assignment';

/** A source change that needs a person: parked FAILED after its last attempt, or a payment for an account with no case. */
export interface SourceProblem {
  id: string;
  state: 'FAILED' | 'NO_OPEN_CASE';
  kind: string;
  source: string;
  accountNumber: string;
  /** For a payment: its amount and the source's payment id. */
  amountCents: number | null;
  paymentId: string | null;
  reason: string;
  attempts: number;
  receivedAt: string;
}

/** Money a case holds as a credit (more than was due, a closed case, a case that takes no payments). */
export interface SourceCredit {
  reference: string;
  caseId: string;
  amountCents: number;
  creditCents: number;
  reason: string | null;
  recordedAt: string;
}

export interface SourceProblemsOutput {
  items: SourceProblem[];
  credits: SourceCredit[];
}
