import type {
  CaseDetail,
  ListCasesInput,
  ListCaseTypesOutput,
  ListCasesOutput,
  Me,
  RequestView,
  SaveCaseTypeOutput,
  SubmitRequestInput,
  BulkOperationResult,
  RecallCasesInput,
  ReassignCasesInput,
} from '../../../functions/src/domain/contracts/types';
import type { Stack } from '../config';
import type {
  AuditTrailReport,
  InviteUserInput,
  InviteUserOutput,
  ListUsersOutput,
  ReadAuditTrailInput,
  ReadAuditTrailOutput,
  UpdateUserInput,
  UserView,
} from '../../../functions/src/domain/contracts/types';
import type {
  ListInboxInput,
  ListInboxOutput,
  MarkInboxReadInput,
  NotificationPrefsView,
  SaveNotificationPrefsInput,
} from '../../../functions/src/domain/contracts/types';

export type Unsubscribe = () => void;
export type OnError = (error: unknown) => void;

/**
 * How screens read and change data, whichever stack is running: the offline stack goes through
 * callable functions and polls; the full stack listens to Firestore. Screens never know which.
 */
export interface DataSource {
  readonly stack: Stack;
  whoAmI(): Promise<Me>;
  /** Calls `onData` with the page now and again whenever it may have changed, until unsubscribed. */
  watchCases(input: ListCasesInput, onData: (page: ListCasesOutput) => void, onError: OnError): Unsubscribe;
  watchCase(caseId: string, onData: (detail: CaseDetail) => void, onError: OnError): Unsubscribe;
  /**
   * Calls `load` now and again whenever the caller's cases may have changed (job basket counts, dashboard
   * figures): polling on the offline stack, a Firestore listener on the full stack.
   */
  watchLive<T>(load: () => Promise<T>, onData: (value: T) => void, onError: OnError): Unsubscribe;
  /** Resolves once the request is APPLIED or REJECTED; rejects with a RequestTimeoutError after 20 s. */
  submit(input: SubmitRequestInput): Promise<RequestView>;
  /** Every case type and version, with its diagram (both stacks call the function). */
  listCaseTypes(): Promise<ListCaseTypesOutput>;
  /**
   * Saves a new version of a case type (admins only). A refused configuration rejects with a
   * FirebaseError whose `details.problems` lists every problem.
   */
  saveCaseType(config: Record<string, unknown>): Promise<SaveCaseTypeOutput>;
  /*
   * Administration: both stacks call the functions. Refusals are FirebaseErrors; invalid input
   * carries `details.fields` (field → message), which describeError passes on.
   */
  /** The users the caller manages: every user for an admin, their own DRC's for a DRC admin. */
  listUsers(): Promise<ListUsersOutput>;
  /** Creates the account with its role and DRC; resolves with the link the invitee sets a password through. */
  inviteUser(input: InviteUserInput): Promise<InviteUserOutput>;
  /** Changes a user's role, DRC or whether they may sign in; resolves with the user as now saved. */
  updateUser(input: UpdateUserInput): Promise<UserView>;
  /** The newest audit events, or one entity's chain in order (auditors, admins, supervisors). */
  readAuditTrail(input: ReadAuditTrailInput): Promise<ReadAuditTrailOutput>;
  /** The same events as readAuditTrail, as CSV text to save. */
  exportAuditCsv(input: ReadAuditTrailInput): Promise<string>;
  /** Checks every hash chain of the audit trail; can take minutes on a large trail. */
  verifyAuditTrail(): Promise<AuditTrailReport>;
  /** Officers recall cases from their DRC (optionally placing them again); idempotent by operationId. */
  recallCases(input: RecallCasesInput): Promise<BulkOperationResult>;
  /** A DRC admin moves cases between its ROs; an officer moves cases to another DRC. */
  reassignCases(input: ReassignCasesInput): Promise<BulkOperationResult>;
  /**
   * The caller's newest in-app notifications and unread count, again whenever they may have changed: a
   * listener on the caller's own unread entries on the full stack, polling on the offline stack.
   */
  watchInbox(input: ListInboxInput, onData: (inbox: ListInboxOutput) => void, onError: OnError): Unsubscribe;
  /** Marks the caller's own entries (or all of them) read; resolves with how many changed. */
  markInboxRead(input: MarkInboxReadInput): Promise<{ marked: number }>;
  getNotificationPrefs(): Promise<NotificationPrefsView>;
  /** Saves the caller's preferences; invalid fields reject with `details.fields`. */
  saveNotificationPrefs(input: SaveNotificationPrefsInput): Promise<NotificationPrefsView>;
}

export const SUBMIT_TIMEOUT_MS = 20_000;

export class RequestTimeoutError extends Error {
  constructor(readonly requestId: string) {
    super(
      `No answer to request ${requestId} within ${SUBMIT_TIMEOUT_MS / 1000} s. It may still be applied: check the case before trying again.`,
    );
    this.name = 'RequestTimeoutError';
  }
}
