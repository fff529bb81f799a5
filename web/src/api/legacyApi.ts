/**
 * TEMPORARY: the callables whose contracts are not in functions/src/domain/contracts yet, with the hand-written
 * shapes the web used before (functions/src/api/contract.ts, inboxContract.ts, data/adminContract.ts).
 *
 * `call` (./call.ts) is typed over the registry first: once an operation's contract is merged, its entry here is
 * ignored (the registry's type wins) and should be deleted. When this file is empty, delete it and LegacyApi.
 */
import type {
  AssignmentPolicyView,
  BasketCountsOutput,
  BasketFilter,
  BulkOperationResult,
  CaseDetail,
  CustomerOverview,
  DashboardOutput,
  ExportCasesInput,
  ExportCasesOutput,
  ImportView,
  ListCasesInput,
  ListCasesOutput,
  ListCaseTypesOutput,
  Me,
  ReassignCasesInput,
  RecallCasesInput,
  RequestView,
  SaveAssignmentPolicyInput,
  SaveCaseTypeInput,
  SaveCaseTypeOutput,
  SetRoAssignmentModeInput,
  SourceProblemsOutput,
  SubmitRequestInput,
} from '../../../functions/src/api/contract';
import type {
  ListInboxInput,
  ListInboxOutput,
  MarkInboxReadInput,
  NotificationPrefsView,
  NotificationRoutingView,
  NotificationTemplatesView,
  SaveNotificationPrefsInput,
  SaveNotificationRoutingInput,
  SaveNotificationTemplatesInput,
} from '../../../functions/src/api/inboxContract';
import type {
  AuditTrailReport,
  InviteUserInput,
  InviteUserOutput,
  ListUsersOutput,
  ReadAuditTrailInput,
  ReadAuditTrailOutput,
  UpdateUserInput,
  UserView,
} from '../data/adminContract';

type Nothing = Record<string, never>;
interface Op<I, O> {
  input: I;
  output: O;
}

export interface LegacyApi {
  whoAmI: Op<Nothing, Me>;
  listCases: Op<ListCasesInput, ListCasesOutput>;
  getCase: Op<{ caseId: string }, CaseDetail>;
  submitRequest: Op<SubmitRequestInput, { requestId: string }>;
  getRequest: Op<{ requestId: string }, RequestView>;
  listCaseTypes: Op<Nothing, ListCaseTypesOutput>;
  saveCaseType: Op<SaveCaseTypeInput, SaveCaseTypeOutput>;
  listUsers: Op<Nothing, ListUsersOutput>;
  inviteUser: Op<InviteUserInput, InviteUserOutput>;
  updateUser: Op<UpdateUserInput, UserView>;
  readAuditTrail: Op<ReadAuditTrailInput & { format?: 'json' | 'csv' }, ReadAuditTrailOutput | { csv: string }>;
  verifyAuditTrail: Op<Nothing, AuditTrailReport>;
  recallCases: Op<RecallCasesInput, BulkOperationResult>;
  reassignCases: Op<ReassignCasesInput, BulkOperationResult>;
  listInbox: Op<ListInboxInput, ListInboxOutput>;
  markInboxRead: Op<MarkInboxReadInput, { marked: number }>;
  getNotificationPrefs: Op<Nothing, NotificationPrefsView>;
  saveNotificationPrefs: Op<SaveNotificationPrefsInput, NotificationPrefsView>;
  getNotificationRouting: Op<Nothing, NotificationRoutingView>;
  saveNotificationRouting: Op<SaveNotificationRoutingInput, NotificationRoutingView>;
  getNotificationTemplates: Op<Nothing, NotificationTemplatesView>;
  saveNotificationTemplates: Op<SaveNotificationTemplatesInput, NotificationTemplatesView>;
  getAssignmentPolicy: Op<Nothing, AssignmentPolicyView>;
  saveAssignmentPolicy: Op<SaveAssignmentPolicyInput, AssignmentPolicyView>;
  setRoAssignmentMode: Op<SetRoAssignmentModeInput, { drcId: string; mode: string }>;
  jobBasketCounts: Op<BasketFilter, BasketCountsOutput>;
  exportCases: Op<ExportCasesInput, ExportCasesOutput>;
  dashboardFigures: Op<Nothing, DashboardOutput>;
  uploadImport: Op<{ fileName: string; contentBase64: string }, ImportView>;
  importStatus: Op<{ importId: string }, ImportView>;
  importErrorsCsv: Op<{ importId: string }, { fileName: string; csv: string; rows: number }>;
  resumeImport: Op<{ importId: string }, ImportView>;
  customerOverview: Op<{ caseId: string }, CustomerOverview>;
  listSourceProblems: Op<Nothing, SourceProblemsOutput>;
}

/**
 * The server timeouts of the legacy callables that run longer than the SDK's default 70 s (their `onCall`
 * options today); a contract carries its own as `runtime.timeoutSeconds`.
 */
export const LEGACY_TIMEOUT_SECONDS: Partial<Record<keyof LegacyApi, number>> = {
  verifyAuditTrail: 540,
  exportCases: 300,
  uploadImport: 300,
  resumeImport: 300,
  importErrorsCsv: 120,
  dashboardFigures: 120,
};
