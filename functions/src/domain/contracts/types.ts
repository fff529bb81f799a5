/**
 * The names the web client and scripts use for the shapes they exchange with the functions: every one is
 * inferred from an operation's contract (z.infer of its zod schemas), never written by hand. Types only.
 */
import type { z } from 'zod';
import type * as basket from './basket';
import type * as cases from './cases';
import type * as users from './users';
import type { BASKET_SORTS } from '../jobBasket/basket';
import type { CaseState } from '../model/case';

export type CaseView = CaseState;

export type TimelineEntry = z.infer<typeof cases.timelineEntry>;

/** A JSON Schema (draft 2020-12) of a result's inputs, generated from its zod schema: the web renders the form from it. */
export type JsonSchema = Record<string, unknown>;

export type ResultView = z.infer<typeof cases.resultView>;
export type ActionView = z.infer<typeof cases.actionView>;
export type StatusView = z.infer<typeof cases.statusView>;
export type PersonRef = z.infer<typeof cases.personRef>;

export type CaseDetail = z.infer<typeof cases.caseDetail>;

/** The job basket's tabs, counters and sort orders. */
export type { BasketCounter, BasketTab } from '../jobBasket/basket';
export type BasketSort = keyof typeof BASKET_SORTS;

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

/** Case types: the contracts in domain/contracts/configuration.ts. */
export type { CaseTypeView, ListCaseTypesOutput, SaveCaseTypeInput, SaveCaseTypeOutput } from './configuration';

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
export type { BoardPhase, RoRequest, Approval, ContactChange } from '../model/case';
/** Customer 360 on the case page (`customerOverview` callable). */
export type { CustomerOverview, CustomerCaseView, CustomerContactChange } from '../cases/customerOverview';
export type { RoRequestDoc as RoRequestListItem, ApprovalDoc as ApprovalListItem } from '../requests/mirrors';
/** A bulk import's progress as the officer's screen shows it (uploadImport, importStatus, resumeImport). */
export type { ImportView } from './imports';

/** One DRC's or RO's figures on the dashboard (DRC and RO performance). */
export type PerformanceRow = z.infer<typeof basket.performanceRow>;
export type AgeBucket = (typeof basket.AGE_BUCKETS)[number];
export type Stage = (typeof basket.STAGES)[number];
export type DashboardOutput = z.infer<typeof basket.dashboardOutput>;

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
} from './assignment';

/** What the source systems sent that needs a person (listSourceProblems). */
export type { SourceProblem, SourceCredit, SourceProblemsOutput } from './imports';

/** Inbox, notification preferences and notification configuration. */
export type {
  InboxItemView,
  ListInboxInput,
  ListInboxOutput,
  MarkInboxReadInput,
  NotificationPrefsView,
  NotificationRoutingView,
  NotificationTemplatesView,
  NotifyChannel,
  NotifyLanguage,
  RouteRuleView,
  SaveNotificationPrefsInput,
  SaveNotificationRoutingInput,
  SaveNotificationTemplatesInput,
  TemplateTableView,
  TemplateView,
} from './notifications';

/** User administration. */
export type UserView = z.infer<typeof users.userView>;
export type ListUsersOutput = z.infer<typeof users.listUsers.output>;
export type InviteUserInput = z.input<typeof users.inviteUserInput>;
export type InviteUserOutput = z.infer<typeof users.inviteUser.output>;
export type UpdateUserInput = z.input<typeof users.updateUserInput>;

/** The audit trail. */
export type { AuditEventView, ReadAuditTrailInput, ReadAuditTrailOutput, AuditTrailReport } from './audit';
