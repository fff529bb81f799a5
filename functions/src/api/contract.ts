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

/**
 * Field work (issue 5 §1-5). Cases carry `boardPhase` (top level, null until escalated; one of BOARD_PHASES:
 * escalated → letter_requested → letter_issued → hearing_scheduled → customer_responded → settled / unresolved),
 * `board` (dates, response, outcome), `roRequests`, `approvals` and `contactHistory`. RO requests and approvals
 * are also mirrored, in the same transaction as the case, to `roRequests/{requestId}` and `approvals/{requestId}`
 * (the id is the request that opened them) so lists can query them:
 * - roRequests: where roId == <RO uid> (the RO who asked), or drcId == <drc>, and state in pending/approved/rejected,
 *   ordered by requestedAt desc (indexes in firestore.indexes.json);
 * - approvals: where state == 'pending', ordered by madeAt desc (a supervisor's queue).
 * Pending entries are rewritten when their case's status, DRC or RO changes; `caseClosed` marks those on closed
 * cases (never decided: leave them out of active lists).
 * They are opened and decided only through `caseAction` requests: roRequest/<kind> {reason, days?},
 * decideRoRequest/approved|rejected {requestId, note?}, recordContact/settlement_proposed, decideSettlement/approved|rejected.
 */
export type { BoardPhase, RoRequest, Approval, ContactChange } from '../domain/model/case';
export type { RoRequestDoc as RoRequestListItem, ApprovalDoc as ApprovalListItem } from '../domain/requests/mirrors';
