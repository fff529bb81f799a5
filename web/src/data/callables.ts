import { httpsCallable, type Functions, type HttpsCallableOptions } from 'firebase/functions';
import type {
  CaseDetail,
  ListCasesInput,
  ListCaseTypesOutput,
  ListCasesOutput,
  Me,
  RequestView,
  SaveCaseTypeInput,
  SaveCaseTypeOutput,
  SubmitRequestInput,
  BulkOperationResult,
  RecallCasesInput,
  ReassignCasesInput,
} from '../../../functions/src/domain/contracts/types';
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

/** Typed wrappers of the callable functions (functions/src/callables). */
export interface Callables {
  whoAmI(): Promise<Me>;
  listCases(input: ListCasesInput): Promise<ListCasesOutput>;
  getCase(caseId: string): Promise<CaseDetail>;
  submitRequest(input: SubmitRequestInput): Promise<{ requestId: string }>;
  getRequest(requestId: string): Promise<RequestView>;
  listCaseTypes(): Promise<ListCaseTypesOutput>;
  saveCaseType(config: Record<string, unknown>): Promise<SaveCaseTypeOutput>;
  listUsers(): Promise<ListUsersOutput>;
  inviteUser(input: InviteUserInput): Promise<InviteUserOutput>;
  updateUser(input: UpdateUserInput): Promise<UserView>;
  readAuditTrail(input: ReadAuditTrailInput): Promise<ReadAuditTrailOutput>;
  /** The same events as readAuditTrail, as one CSV text. */
  exportAuditCsv(input: ReadAuditTrailInput): Promise<string>;
  verifyAuditTrail(): Promise<AuditTrailReport>;
  recallCases(input: RecallCasesInput): Promise<BulkOperationResult>;
  reassignCases(input: ReassignCasesInput): Promise<BulkOperationResult>;
  listInbox(input: ListInboxInput): Promise<ListInboxOutput>;
  markInboxRead(input: MarkInboxReadInput): Promise<{ marked: number }>;
  getNotificationPrefs(): Promise<NotificationPrefsView>;
  saveNotificationPrefs(input: SaveNotificationPrefsInput): Promise<NotificationPrefsView>;
}

/** Verifying reads the whole trail: the function may take up to 540 s, far beyond the SDK's default 70 s. */
const VERIFY_TIMEOUT_MS = 540_000;

function callable<Req, Res>(
  functions: Functions,
  name: string,
  options?: HttpsCallableOptions,
): (data: Req) => Promise<Res> {
  const call = httpsCallable<Req, Res>(functions, name, options);
  return async (data) => (await call(data)).data;
}

export function makeCallables(functions: Functions): Callables {
  const whoAmI = callable<Record<string, never>, Me>(functions, 'whoAmI');
  const getCase = callable<{ caseId: string }, CaseDetail>(functions, 'getCase');
  const getRequest = callable<{ requestId: string }, RequestView>(functions, 'getRequest');
  const listCaseTypes = callable<Record<string, never>, ListCaseTypesOutput>(functions, 'listCaseTypes');
  const saveCaseType = callable<SaveCaseTypeInput, SaveCaseTypeOutput>(functions, 'saveCaseType');
  const listUsers = callable<Record<string, never>, ListUsersOutput>(functions, 'listUsers');
  const readAuditTrail = callable<
    ReadAuditTrailInput & { format?: 'json' | 'csv' },
    ReadAuditTrailOutput | { csv: string }
  >(functions, 'readAuditTrail');
  const verifyAuditTrail = callable<Record<string, never>, AuditTrailReport>(functions, 'verifyAuditTrail', {
    timeout: VERIFY_TIMEOUT_MS,
  });
  const getNotificationPrefs = callable<Record<string, never>, NotificationPrefsView>(
    functions,
    'getNotificationPrefs',
  );
  return {
    whoAmI: () => whoAmI({}),
    listCases: callable<ListCasesInput, ListCasesOutput>(functions, 'listCases'),
    getCase: (caseId) => getCase({ caseId }),
    submitRequest: callable<SubmitRequestInput, { requestId: string }>(functions, 'submitRequest'),
    getRequest: (requestId) => getRequest({ requestId }),
    listCaseTypes: () => listCaseTypes({}),
    saveCaseType: (config) => saveCaseType({ config }),
    listUsers: () => listUsers({}),
    inviteUser: callable<InviteUserInput, InviteUserOutput>(functions, 'inviteUser'),
    updateUser: callable<UpdateUserInput, UserView>(functions, 'updateUser'),
    readAuditTrail: async (input) => {
      const out = await readAuditTrail({ ...input, format: 'json' });
      return 'events' in out ? out : { events: [] };
    },
    exportAuditCsv: async (input) => {
      const out = await readAuditTrail({ ...input, format: 'csv' });
      return 'csv' in out ? out.csv : '';
    },
    verifyAuditTrail: () => verifyAuditTrail({}),
    recallCases: callable<RecallCasesInput, BulkOperationResult>(functions, 'recallCases'),
    reassignCases: callable<ReassignCasesInput, BulkOperationResult>(functions, 'reassignCases'),
    listInbox: callable<ListInboxInput, ListInboxOutput>(functions, 'listInbox'),
    markInboxRead: callable<MarkInboxReadInput, { marked: number }>(functions, 'markInboxRead'),
    getNotificationPrefs: () => getNotificationPrefs({}),
    saveNotificationPrefs: callable<SaveNotificationPrefsInput, NotificationPrefsView>(
      functions,
      'saveNotificationPrefs',
    ),
  };
}
