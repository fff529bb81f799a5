/**
 * The shapes the web client and the mobile API exchange with the functions.
 * Types only (no runtime code), so the web client can import them without pulling in server code.
 */
import type { z } from 'zod';
import type * as basket from '../domain/contracts/basket';
import type * as cases from '../domain/contracts/cases';
import type * as users from '../domain/contracts/users';
import type { CaseState } from '../domain/model/case';

export type CaseView = CaseState;

export type TimelineEntry = z.infer<typeof cases.timelineEntry>;

/** A JSON Schema (draft 2020-12) of a result's inputs, generated from its zod schema: the web renders the form from it. */
export type JsonSchema = Record<string, unknown>;

export type ResultView = z.infer<typeof cases.resultView>;
export type ActionView = z.infer<typeof cases.actionView>;
export type StatusView = z.infer<typeof cases.statusView>;
export type PersonRef = z.infer<typeof cases.personRef>;

export type CaseDetail = z.infer<typeof cases.caseDetail>;

/** The job basket's tabs, counters and sort orders (functions/src/domain/jobBasket/basket.ts). */
export type BasketTab = 'all' | 'active' | 'negotiation' | 'mediation' | 'cpe' | 'requests' | 'approvals' | 'closed';
export type BasketCounter =
  'promisesDue' | 'promisesKept' | 'promisesBroken' | 'followUpsDue' | 'escalated' | 'notFollowedUp';
export type BasketSort = 'updatedAt' | 'arrears' | 'statusSince' | 'account';

/** What the web sends: an absent field is left out, never null (the schemas also take null, as callables send it). */
type Given<T> = { [K in keyof T]: Exclude<T[K], null> };

/** What narrows the job basket: the same for its list, its counts and its export. */
export type BasketFilter = Given<z.input<typeof basket.basketFilterSchema>>;
export type ListCasesInput = Given<z.input<typeof basket.basketPageSchema>>;
export type NameMaps = z.infer<typeof basket.nameMaps>;
export type ListCasesOutput = z.infer<typeof basket.listCases.output>;
export type BasketCountsOutput = z.infer<typeof basket.jobBasketCounts.output>;
export type ExportCasesInput = Given<z.input<typeof basket.exportCasesInput>>;
export type ExportColumn = basket.ExportColumn;
export type ExportCasesOutput = z.infer<typeof basket.exportCases.output>;

export type RequestType = (typeof cases.REQUEST_TYPES)[number];
export type RequestState = (typeof cases.REQUEST_STATES)[number];
export type SubmitRequestInput = z.input<typeof cases.submitRequestInput>;
export type RequestView = z.infer<typeof cases.requestView>;
export type Me = z.infer<typeof users.me>;

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
export type PerformanceRow = z.infer<typeof basket.performanceRow>;
export type AgeBucket = (typeof basket.AGE_BUCKETS)[number];
export type Stage = (typeof basket.STAGES)[number];
export type DashboardOutput = z.infer<typeof basket.dashboardOutput>;

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
