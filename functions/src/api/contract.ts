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

/** A case type as the admin screens show it: the configuration, its checks, and its diagram. */
export interface CaseTypeView {
  id: string;
  version: number;
  name: string;
  description: string;
  category: string;
  level: 'account' | 'customer';
  readings: string[];
  statuses: (StatusView & {
    description: string;
    actors: string[];
    hooks: { spot: string; algorithm: string; params: Record<string, unknown>; note: string | null }[];
  })[];
  transitions: { from: string; to: string; mode: string; roles: string[]; guard: string | null }[];
  actions: {
    code: string;
    label: string;
    roles: string[];
    statuses: string[];
    results: { code: string; label: string; next: string | null }[];
  }[];
  /** Mermaid `stateDiagram-v2` source drawn from the configuration itself. */
  mermaid: string;
  /** Whether this is the newest version (new cases start on it). */
  latest: boolean;
}

export interface ListCaseTypesOutput {
  caseTypes: CaseTypeView[];
}

export interface SaveCaseTypeInput {
  config: Record<string, unknown>;
}

export interface SaveCaseTypeOutput {
  id: string;
  version: number;
}

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
/** A bulk import's progress as the officer's screen shows it (uploadImport, importStatus, resumeImport). */
export type { ImportView } from '../domain/contracts/imports';

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

// ─── Assignment: callables in callables/assignment.ts ────────────────────────────────────────────────────

/** The assignment policy's rules (`settings/assignmentPolicy`). */
export interface AssignmentRules {
  /** Cases carrying any of these indicators are never placed (deceased, bankruptcy, dispute, do_not_contact...). */
  excludedIndicators: string[];
  /** Cases held by another case (an open deceased or bankruptcy case) are never placed. */
  excludeHeld: boolean;
  /** Width of a recovery-rate band (0.01–1): DRCs in one band are equals and take turns. */
  performanceBand: number;
  /** The window (days) over which a DRC's recovery rate is measured. */
  performanceWindowDays: number;
}

export type RoAssignmentModeName = 'manual' | 'round_robin' | 'least_loaded' | 'by_area';
export type AgencyTierName = 'primary' | 'secondary' | 'tertiary';

/** A DRC's contract terms, as saved by an admin. */
export interface DrcTermsInput {
  id: string;
  name: string;
  active: boolean;
  actions: ('arrears' | 'cpe' | 'arrears_cpe')[];
  /** Empty: every case type. */
  caseTypes: string[];
  /** Empty: island-wide. */
  regions: string[];
  capacity: number;
  minArrearsCents: number;
  maxArrearsCents: number | null;
  agencyTier: AgencyTierName | null;
}

/** A DRC as getAssignmentPolicy shows it: terms, counters and mode; `problem` when its document is invalid. */
export interface DrcPolicyView extends DrcTermsInput {
  openCases: number;
  recoveryRate: number;
  lastAssignedAt: string | null;
  roAssignmentMode: RoAssignmentModeName;
  problem: string | null;
}

/** getAssignmentPolicy() (admin, officers, auditor) → this; saveAssignmentPolicy (admin) returns it too. */
export interface AssignmentPolicyView {
  rules: AssignmentRules;
  /** Incremented on every save; send it back as expectedVersion. */
  version: number;
  drcs: DrcPolicyView[];
}

/** saveAssignmentPolicy(input): rules and/or DRC terms; a stale expectedVersion is FAILED_PRECONDITION. */
export interface SaveAssignmentPolicyInput {
  rules?: AssignmentRules;
  drcs?: DrcTermsInput[];
  expectedVersion: number;
}

/** setRoAssignmentMode(input): a DRC admin for their own DRC (drcId omitted); an admin names the DRC. */
export interface SetRoAssignmentModeInput {
  mode: RoAssignmentModeName;
  drcId?: string;
}

/** setRoProfile(input): a DRC admin for their own ROs, or an admin. Areas are cities or regions. */
export interface SetRoProfileInput {
  uid: string;
  areas: string[];
  capacity: number | null;
}

/** recallCases(input): recovery officer or supervisor; 1–200 cases; `replace` places them again by the policy. */
export interface RecallCasesInput {
  /** Client-chosen id (8–128 of A-Z a-z 0-9 - _): retrying with the same id and input repeats nothing. */
  operationId: string;
  caseIds: string[];
  reason: string;
  replace?: boolean;
}

/** reassignCases(input): a DRC admin gives toRoId (an RO of their DRC); an officer gives toDrcId. */
export interface ReassignCasesInput {
  operationId: string;
  caseIds: string[];
  reason: string;
  toRoId?: string;
  toDrcId?: string;
}

/**
 * placeWithAgency(input): officers; external-recovery cases in Review or Supervisor Review go to an agency (a DRC
 * whose agencyTier is the tier) chosen by the policy; `next` is the tier after the last one (none → primary).
 */
export interface PlaceWithAgencyInput {
  operationId: string;
  caseIds: string[];
  reason: string;
  tier: 'next' | AgencyTierName;
}

/** One case's outcome in a bulk operation. */
export interface BulkCaseResult {
  caseId: string;
  ok: boolean;
  /** recalled, recall-started, replaced, reassigned, moved, placed, unchanged — or why it was refused. */
  code: string;
  message: string;
  drcId?: string | null;
  roId?: string | null;
}

/** What recallCases and reassignCases return (also on a retry with the same operationId). */
export interface BulkOperationResult {
  operationId: string;
  kind: string;
  state: 'RUNNING' | 'DONE';
  results: BulkCaseResult[];
  applied: number;
  refused: number;
}

/** What the source systems sent that needs a person (listSourceProblems). */
export type { SourceProblem, SourceCredit, SourceProblemsOutput } from '../domain/contracts/imports';
