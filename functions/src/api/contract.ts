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

export interface ListCasesInput {
  status?: string;
  search?: string;
  limit?: number;
  cursor?: string;
}

export interface ListCasesOutput {
  cases: CaseView[];
  nextCursor: string | null;
  statuses: StatusView[];
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

// ─── Assignment (issue 4 §5–7): callables in callables/assignment.ts ──────────────────────────────────────

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
