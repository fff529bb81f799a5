import type { Role } from '../model/roles';

/**
 * The access policy in one table (docs/security.md): role × resource × operation × condition.
 * Callables and triggers consult it (through caseScope.ts and the REQUEST_ROLES it feeds); firestore.rules
 * say the same for direct Firestore clients; and every row names the rules tests that prove the rules agree
 * (functions/test/rules/), which a test in `npm test` checks exist.
 */
export type Resource =
  | 'cases'
  | 'requests'
  | 'audit'
  | 'users'
  | 'drcs'
  | 'caseTypes'
  | 'openCases'
  | 'meta'
  | 'roRequests'
  | 'approvals'
  | 'settings'
  | 'bulkOps'
  | 'inbox'
  | 'notificationPrefs'
  | 'notifications';
export type Operation = 'read' | 'list' | 'create' | 'update' | 'delete';

/** When a row applies: always, or only to documents in the caller's scope. */
export type Condition =
  | 'always'
  | 'ownDrc' // the document's drcId is the caller's drcId claim
  | 'assignedRo' // the case's roId is the caller and its drcId the caller's drcId claim
  | 'ownDrcDoc' // the DRC document is the caller's DRC
  | 'ownOnOwnCase' // the caller's own entry, on a case still assigned to them in their DRC
  | 'cpeCase' // the case collects CPE
  | 'boardCase' // the case is before the mediation board or legal
  | 'own' // the caller created it / it is the caller's own profile
  | 'caseInScope' // an audit event of a case the caller may read
  | 'ownRequestFields'; // a request the caller creates for itself, with only the allowed fields

export interface PolicyRow {
  id: string;
  resource: Resource;
  operation: Operation;
  roles: readonly (Role | 'anyone signed in')[];
  condition: Condition;
  why: string;
}

const OPERATORS = ['admin', 'recovery_officer', 'supervisor', 'auditor'] as const;
const ALL_ROLES = [...OPERATORS, 'drc_admin', 'ro', 'mediation_board', 'rcmp'] as const;

export const POLICY: readonly PolicyRow[] = [
  {
    id: 'cases.read.operators',
    resource: 'cases',
    operation: 'read',
    roles: OPERATORS,
    condition: 'always',
    why: 'the recovery section sees every case',
  },
  {
    id: 'cases.read.drcAdmin',
    resource: 'cases',
    operation: 'read',
    roles: ['drc_admin'],
    condition: 'ownDrc',
    why: 'a DRC sees only its own cases',
  },
  {
    id: 'cases.read.ro',
    resource: 'cases',
    operation: 'read',
    roles: ['ro'],
    condition: 'assignedRo',
    why: 'an RO sees only cases assigned to them in their DRC (a moved RO keeps none of the old DRC’s)',
  },
  {
    id: 'cases.read.rcmp',
    resource: 'cases',
    operation: 'read',
    roles: ['rcmp'],
    condition: 'cpeCase',
    why: 'the returned-CPE desk sees cases with equipment',
  },
  {
    id: 'cases.read.board',
    resource: 'cases',
    operation: 'read',
    roles: ['mediation_board'],
    condition: 'boardCase',
    why: 'the board sees cases before it',
  },
  {
    id: 'cases.write.none',
    resource: 'cases',
    operation: 'update',
    roles: [],
    condition: 'always',
    why: 'no client writes a case: requests do',
  },
  {
    id: 'requests.create.register',
    resource: 'requests',
    operation: 'create',
    roles: ['recovery_officer', 'supervisor'],
    condition: 'ownRequestFields',
    why: 'officers register cases',
  },
  {
    id: 'requests.create.caseAction',
    resource: 'requests',
    operation: 'create',
    roles: ['recovery_officer', 'supervisor', 'drc_admin', 'ro', 'mediation_board', 'rcmp'],
    condition: 'ownRequestFields',
    why: 'actions on cases the caller may read; auditors and administrators submit no requests',
  },
  {
    id: 'requests.read.own',
    resource: 'requests',
    operation: 'read',
    roles: ALL_ROLES,
    condition: 'own',
    why: 'a client follows its own requests',
  },
  {
    id: 'requests.read.auditor',
    resource: 'requests',
    operation: 'read',
    roles: ['auditor'],
    condition: 'always',
    why: 'compliance reads everything',
  },
  {
    id: 'requests.update.none',
    resource: 'requests',
    operation: 'update',
    roles: [],
    condition: 'always',
    why: 'only the trigger decides a request',
  },
  {
    id: 'audit.read.operators',
    resource: 'audit',
    operation: 'read',
    roles: OPERATORS,
    condition: 'always',
    why: 'the trail is open to the operator and compliance',
  },
  {
    id: 'audit.read.scoped',
    resource: 'audit',
    operation: 'read',
    roles: ['drc_admin', 'ro', 'mediation_board', 'rcmp'],
    condition: 'caseInScope',
    why: 'a case timeline for those who may read the case',
  },
  {
    id: 'audit.write.none',
    resource: 'audit',
    operation: 'create',
    roles: [],
    condition: 'always',
    why: 'append-only, written by functions alone',
  },
  {
    id: 'users.read.self',
    resource: 'users',
    operation: 'read',
    roles: ALL_ROLES,
    condition: 'own',
    why: 'everyone reads their own profile',
  },
  {
    id: 'users.read.operators',
    resource: 'users',
    operation: 'read',
    roles: OPERATORS,
    condition: 'always',
    why: 'user administration and assignment',
  },
  {
    id: 'users.read.drcAdmin',
    resource: 'users',
    operation: 'read',
    roles: ['drc_admin'],
    condition: 'ownDrc',
    why: 'a DRC admin manages their own ROs',
  },
  {
    id: 'users.write.none',
    resource: 'users',
    operation: 'update',
    roles: [],
    condition: 'always',
    why: 'roles change only through the admin callables',
  },
  {
    id: 'drcs.read.operators',
    resource: 'drcs',
    operation: 'read',
    roles: OPERATORS,
    condition: 'always',
    why: 'the recovery section places cases with DRCs (as getAssignmentPolicy shows them)',
  },
  {
    id: 'drcs.read.drcAdmin',
    resource: 'drcs',
    operation: 'read',
    roles: ['drc_admin'],
    condition: 'ownDrcDoc',
    why: 'a DRC admin reads their own DRC’s terms and mode, never a competitor’s',
  },
  {
    id: 'caseTypes.read.signedIn',
    resource: 'caseTypes',
    operation: 'read',
    roles: ['anyone signed in'],
    condition: 'always',
    why: 'forms and labels come from the configuration',
  },
  {
    id: 'caseTypes.write.none',
    resource: 'caseTypes',
    operation: 'update',
    roles: [],
    condition: 'always',
    why: 'configuration changes only through saveCaseType',
  },
  {
    id: 'openCases.none',
    resource: 'openCases',
    operation: 'read',
    roles: [],
    condition: 'always',
    why: 'internal duplicate keys',
  },
  { id: 'meta.none', resource: 'meta', operation: 'read', roles: [], condition: 'always', why: 'internal markers' },
  {
    id: 'roRequests.read.operators',
    resource: 'roRequests',
    operation: 'read',
    roles: OPERATORS,
    condition: 'always',
    why: 'officers decide RO requests',
  },
  {
    id: 'roRequests.read.ro',
    resource: 'roRequests',
    operation: 'read',
    roles: ['ro'],
    condition: 'ownOnOwnCase',
    why: 'an RO follows their own requests on cases still theirs (the mirror follows the case’s DRC and RO)',
  },
  {
    id: 'roRequests.read.drcAdmin',
    resource: 'roRequests',
    operation: 'read',
    roles: ['drc_admin'],
    condition: 'ownDrc',
    why: 'a DRC admin sees what their ROs asked for',
  },
  {
    id: 'roRequests.write.none',
    resource: 'roRequests',
    operation: 'create',
    roles: [],
    condition: 'always',
    why: 'mirrors of the case, written with it by functions',
  },
  {
    id: 'approvals.read.operators',
    resource: 'approvals',
    operation: 'read',
    roles: OPERATORS,
    condition: 'always',
    why: 'supervisors find what waits for their approval',
  },
  {
    id: 'approvals.read.maker',
    resource: 'approvals',
    operation: 'read',
    roles: ['ro'],
    condition: 'ownOnOwnCase',
    why: 'the maker follows their proposal while the case is still theirs',
  },
  {
    id: 'approvals.write.none',
    resource: 'approvals',
    operation: 'update',
    roles: [],
    condition: 'always',
    why: 'decided only through a decideSettlement request',
  },
  {
    id: 'settings.read.operators',
    resource: 'settings',
    operation: 'read',
    roles: OPERATORS,
    condition: 'always',
    why: 'the assignment policy is the recovery section’s configuration (also served by getAssignmentPolicy)',
  },
  {
    id: 'settings.write.none',
    resource: 'settings',
    operation: 'update',
    roles: [],
    condition: 'always',
    why: 'the policy changes only through saveAssignmentPolicy (validated, versioned, audited)',
  },
  {
    id: 'bulkOps.none',
    resource: 'bulkOps',
    operation: 'read',
    roles: [],
    condition: 'always',
    why: 'bulk recall/reassign records; their results are returned by the callables',
  },
  {
    id: 'inbox.read.own',
    resource: 'inbox',
    operation: 'read',
    roles: ALL_ROLES,
    condition: 'own',
    why: 'each user’s bell listens to their own in-app notifications (full stack)',
  },
  {
    id: 'inbox.write.none',
    resource: 'inbox',
    operation: 'update',
    roles: [],
    condition: 'always',
    why: 'marked read only through markInboxRead, which checks the owner',
  },
  {
    id: 'notificationPrefs.none',
    resource: 'notificationPrefs',
    operation: 'read',
    roles: [],
    condition: 'always',
    why: 'read and saved through the preference callables (validated, audited)',
  },
  {
    id: 'notifications.none',
    resource: 'notifications',
    operation: 'read',
    roles: [],
    condition: 'always',
    why: 'the outbound SMS and email queue holds customers’ and users’ phone numbers and addresses',
  },
];

/**
 * Fields some roles read masked, whatever their access to the document. Applied by the callables that return
 * cases (getCase, listCases); the mobile API's case views leave these fields out altogether.
 */
export interface FieldRule {
  field: string;
  /** Who reads the field in full; everyone else reads it masked. */
  fullRoles: readonly Role[];
  masked: string;
  why: string;
}

export const FIELD_POLICY: readonly FieldRule[] = [
  {
    field: 'cases.customer.nic (and customerKey, which embeds it)',
    fullRoles: ['recovery_officer', 'supervisor', 'ro', 'mediation_board'],
    masked: 'all but the last 3 characters shown as •',
    why: 'the NIC identifies the customer: the recovery section registers and matches cases by it, the RO checks it at the door, the mediation board names the customer by it in letters; DRC coordinators, the CPE desk, administrators and auditors do their work without it',
  },
];

export const NIC_FULL_ROLES: readonly Role[] = FIELD_POLICY[0]!.fullRoles;
