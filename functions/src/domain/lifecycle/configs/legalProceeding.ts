import type { AlgorithmRef, CaseTypeConfig, TransitionDef } from '../types';
import {
  OFFICERS,
  system,
  followUp,
  textField,
  dateField,
  amountField,
  yesField,
  choiceField,
  setCharacteristic,
  raiseTodo,
  afterDaysInStatus,
  closeTasks,
  noteResult,
  todoAfterDays,
  recordPaymentAction,
  translated,
} from './build';

/**
 * Legal proceeding (after ch. 4 of the banking process guide, docs/domain.md): after the default notice expires the
 * bank engages a legal service provider (LSP): the LSP is assigned (and approved when needed), documents are
 * prepared and submitted, the LSP acknowledges, litigation runs (defended matter, motion for judgment), and the
 * judgment is enforced (warrant of possession → an asset repossession case, garnishee order) or complied with under
 * an arrangement. The LSP can be changed at any point of litigation; the case resumes where it stopped.
 *
 * Each status follows the guide's table for it; the LSP assignment status is the guide's too.
 */

const LITIGATION = ['LEGINPROG', 'DEFMATTER', 'MTFRJDGFIELD', 'JDGENFORC', 'JDGCOMP'];
const BEFORE_LITIGATION = ['PENDING', 'ASSNEWLSP', 'PREPLOGDOC', 'PENDINGAPP', 'WTFRLSPACK'];
const NO_ACTIVITY_TODOS = ['LEGAL_NO_ACTIVITY_L1', 'LEGAL_NO_ACTIVITY_L2'];

/** "Legal No Activity – Level 1 / Level 2" to-dos (closed by LG012/LG014/LG015/LG022); days are not given. */
const noActivity: AlgorithmRef[] = [
  todoAfterDays(
    5,
    'LEGAL_NO_ACTIVITY_L1',
    'Legal case: no activity for 5 days',
    'Legal No Activity – Level 1 (to-do type named in LG012; day count not given, 5 as in ch. 5)',
  ),
  todoAfterDays(
    10,
    'LEGAL_NO_ACTIVITY_L2',
    'Legal case: no activity for 10 days (supervisor)',
    'Legal No Activity – Level 2 (to-do type named in LG012; day count not given, 10 as in ch. 5)',
  ),
];
const closeNoActivity = (instance: string): AlgorithmRef =>
  closeTasks(NO_ACTIVITY_TODOS, `${instance} (C1-CLSTODO): close Legal No Activity – Level 1 and Level 2`);

const resumeTo = (to: string): TransitionDef =>
  system('LEGINPROG', to, { guard: 'characteristicEquals', params: { field: 'resumeStatus', value: to } });

export const legalProceeding: CaseTypeConfig = translated({
  id: 'legal_proceeding',
  version: 1,
  name: 'Legal proceeding',
  description:
    'Litigation through a legal service provider after the default notice expires: claim, judgment, enforcement or compliance.',
  readings: [
    'Roles: Recovery Associate → recovery_officer; Recovery Supervisor and Recovery Manager → supervisor; the legal desk that follows the LSP and the court → mediation_board (it records the LSP’s acknowledgement and the litigation events with the associate). The LSP itself is an outside firm captured as lspName, not a DRC.',
    'Transition roles (3.6 matrix): "User" with Validate Follow-up = Y, and user moves that record a litigation event (LSP accepted or refused, defended, motion filed, judgment, arrangement, retirement deed), are follow-ups of a named result; Cancel and Withdraw are manual transitions (the engine asks for the cancel / withdraw reason the guide requires); "System" cells are system transitions taken by the algorithm named below.',
    'LG023 C1-ASORVCHK, Association Review Required = No, Next Status = Assign New LSP: the case moves on by itself → afterDaysInStatus 0 days (the next monitor run). DebtX has no immediate pass-through algorithm (gap).',
    'LG004 C1-ASGNLSP, automated LSP allocation with manual review: DebtX has no LSP vendor allocation (gap). A to-do asks the associate to assign the LSP; the Assign LSP result captures it and follows up to Prepare Legal Document.',
    'LG001 / LG003 C1-DEFNOEXP: the default notice must have expired: the notice dates are required creation fields and Assign New LSP requires the expiry date; the library cannot compare it with today (gap: date validation).',
    'LG016 C1-APPRCHK, Exposure Threshold blank: approval is needed when the user overrides the proposed LSP. The Assign LSP result captures lspApprovalRequired, and a guarded system transition (characteristicEquals) moves Prepare Legal Document → Pending Approval. Leaving Pending Approval clears the flag and closes the approval to-do (LG024 C1-CANAPPR).',
    'Prepare Legal Document: the text says the user moves the case on, the table says System by LG005 (check submission date). Read as: the user records the submission date and LG005 (dateAlert on documentsSubmittedOn, day 0) moves the case to Wait for LSP Acknowledgement. On an LSP change with a submission date already recorded, the same monitor skips the step at once, as the guide says.',
    'Pending Approval → Wait for LSP Ack on approval: approval follows up to Prepare Legal Document, whose submission-date monitor takes the case on to Wait for LSP Acknowledgement when documents were already submitted; no direct transition is needed.',
    'LG006 C1-SETDSPDT, display date offset 3 days: read as a reminder to-do after 3 days waiting for the LSP.',
    'Legal In Progress resume (LG008 C1-RESSTATUS, C1-SAVPRESTA on Change LSP): there is no save/restore-status algorithm (gap). Judgement Enforcement and Judgement Compliance store their code in resumeStatus when the case leaves them; Legal In Progress has guarded system transitions to the stored status (the matrix’s two S cells) and clears it on exit. Resume therefore applies to those two statuses only, exactly where the matrix has S.',
    'Judgement Enforcement: the ARS case a warrant of possession starts is created from the UI (DebtX: the user opens an asset repossession case with the legal case id); a result cannot spawn a case (gap). LG009 C1-CHKCASE (no open Asset Repossession case) is the exit validation noHold: an open asset repossession case on the account holds this legal case (its cross-case rule), and litigation actions are allowed on hold so that the hold only gates leaving the status.',
    'No-activity monitoring: the exit algorithms close "Legal No Activity – Level 1/2" but no day counts are printed; 5 and 10 days are used, as in ch. 5 (ARS). afterDaysInStatus counts days in the status, not days without activity (gap: activity-reset timer).',
    'Judgement Compliance: a broken arrangement is a user move to enforcement (matrix U); promiseWatch and instalmentOverdue only raise a to-do.',
    'Complete / Withdrawn / Cancel (LG010/LG011 set review date, LG017–LG019 LSP assignment status): review dates have no DebtX counterpart (there is no strategy monitor); the LSP assignment status is kept as the characteristic lspAssignmentStatus (pending_approval / approved / rejected / closed / cancelled).',
  ],
  category: 'LegalProcess',
  level: 'account',
  blockedBy: ['legal_proceeding'],
  creationFields: [
    dateField('defaultNoticeSentOn', 'Default notice sent on'),
    dateField('defaultNoticeExpiresOn', 'Default notice expires on'),
  ],
  settings: {},
  statuses: [
    {
      code: 'PENDING',
      label: 'Pending',
      kind: 'initial',
      description: 'The default notice has expired; related accounts and customers are reviewed.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          {
            algorithm: 'addToWorkList',
            params: { workList: 'legal_queue' },
            note: 'Category setup: Queue = Legal Queue, Create worklist for queue = Yes',
          },
        ],
        monitoring: [
          afterDaysInStatus(
            0,
            { moveTo: 'ASSNEWLSP' },
            'LG023 (C1-ASORVCHK): Association Review Required = No; Next Status = Assign New LSP',
          ),
        ],
      },
    },
    {
      code: 'ASSNEWLSP',
      label: 'Assign new LSP',
      kind: 'interim',
      description: 'A new or replacement legal service provider is assigned.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterValidation: [
          {
            algorithm: 'requireCharacteristics',
            params: { fields: ['defaultNoticeExpiresOn'] },
            note: 'LG003 (C1-DEFNOEXP2): default notice expiry check; on failure Fail Status Transition',
          },
        ],
        enterProcessing: [
          raiseTodo(
            'LEGAL_ASSIGN_LSP',
            'Assign or confirm the legal service provider',
            'LG004 (C1-ASGNLSP): automated allocation with manual review; the review is this to-do',
          ),
        ],
        exitProcessing: [closeTasks(['LEGAL_ASSIGN_LSP'])],
      },
    },
    {
      code: 'PREPLOGDOC',
      label: 'Prepare legal documents',
      kind: 'interim',
      description: 'Documents for the LSP are prepared and sent; the submission date is recorded.',
      actors: ['recovery_officer'],
      hooks: {
        monitoring: [
          {
            algorithm: 'dateAlert',
            params: {
              field: 'documentsSubmittedOn',
              daysBefore: 0,
              todo: { type: 'LEGAL_AWAIT_LSP_ACK', label: 'Documents submitted: follow up the LSP’s acknowledgement' },
              moveTo: 'WTFRLSPACK',
            },
            note: 'LG005 (C1-CHKSUBDT1 "check submission date"): Change Status = Yes, Next Status = Wait for LSP Ack',
          },
        ],
      },
    },
    {
      code: 'PENDINGAPP',
      label: 'Pending approval',
      kind: 'interim',
      description: 'The LSP assignment awaits a supervisor’s approval; nothing else can be changed meanwhile.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [
          setCharacteristic('lspAssignmentStatus', 'pending_approval', 'LSP assignment status: Pending Approval'),
          raiseTodo('LEGAL_LSP_APPROVAL', 'Approve or reject the LSP assignment', 'An approval request is created'),
        ],
        exitProcessing: [
          closeTasks(['LEGAL_LSP_APPROVAL'], 'LG024 (C1-CANAPPR): cancel the approval request'),
          setCharacteristic('lspApprovalRequired', false),
        ],
      },
    },
    {
      code: 'WTFRLSPACK',
      label: 'Wait for LSP acknowledgement',
      kind: 'interim',
      description: 'Waiting for the LSP to accept or refuse the case.',
      actors: ['recovery_officer', 'mediation_board'],
      hooks: {
        monitoring: [
          todoAfterDays(
            3,
            'LEGAL_ACK_REMINDER',
            'The LSP has not acknowledged yet',
            'LG006 (C1-SETDSPDT): set display date, offset days = 3',
          ),
          ...noActivity,
        ],
        exitProcessing: [closeNoActivity('LG012'), closeTasks(['LEGAL_ACK_REMINDER', 'LEGAL_AWAIT_LSP_ACK'])],
      },
    },
    {
      code: 'LEGINPROG',
      label: 'Legal in progress',
      kind: 'interim',
      description: 'Litigation is under way; after an LSP change the case resumes where the previous LSP stopped.',
      actors: ['system', 'supervisor', 'mediation_board'],
      hooks: {
        enterProcessing: [setCharacteristic('lspAssignmentStatus', 'approved', 'The LSP accepted the case')],
        monitoring: noActivity,
        exitProcessing: [
          closeNoActivity('LG012'),
          setCharacteristic('resumeStatus', null, 'LG008 (C1-RESSTATUS): resumed'),
        ],
      },
    },
    {
      code: 'DEFMATTER',
      label: 'Defended matter',
      kind: 'interim',
      description: 'The customer defends the claim in court.',
      actors: ['supervisor', 'mediation_board'],
      hooks: { monitoring: noActivity, exitProcessing: [closeNoActivity('LG014')] },
    },
    {
      code: 'MTFRJDGFIELD',
      label: 'Motion for judgement filed',
      kind: 'interim',
      description: 'The bank asked the court for judgment; granted or denied.',
      actors: ['supervisor', 'mediation_board'],
      hooks: { monitoring: noActivity, exitProcessing: [closeNoActivity('LG015')] },
    },
    {
      code: 'JDGENFORC',
      label: 'Judgement enforcement',
      kind: 'interim',
      description:
        'The bank enforces the judgment (warrant of possession, garnishee order); the case cannot leave while a repossession case is open.',
      actors: ['supervisor', 'mediation_board'],
      hooks: {
        monitoring: noActivity,
        exitValidation: [
          {
            algorithm: 'noHold',
            note: 'LG009 (C1-CHKCASE): Case Category = Asset Repossession; an open repossession case holds this case',
          },
        ],
        exitProcessing: [
          closeNoActivity('LG015'),
          setCharacteristic(
            'resumeStatus',
            'JDGENFORC',
            'C1-SAVPRESTA: where Legal In Progress resumes after an LSP change',
          ),
        ],
      },
    },
    {
      code: 'JDGCOMP',
      label: 'Judgement compliance',
      kind: 'interim',
      description: 'An alternative arrangement was agreed with the debtor; compliance is tracked.',
      actors: ['supervisor', 'mediation_board'],
      hooks: {
        monitoring: [
          {
            algorithm: 'promiseWatch',
            params: {
              toleranceDays: 3,
              todo: { type: 'LEGAL_ARRANGEMENT_BROKEN', label: 'The arrangement is broken: consider enforcement' },
            },
            note: 'Enforcement on breach of the arrangement (user transition; the monitor only alerts)',
          },
          {
            algorithm: 'instalmentOverdue',
            params: {
              graceDays: 3,
              todo: { type: 'LEGAL_ARRANGEMENT_BROKEN', label: 'An arrangement instalment is overdue' },
            },
          },
          ...noActivity,
        ],
        exitProcessing: [
          closeNoActivity('LG022'),
          setCharacteristic(
            'resumeStatus',
            'JDGCOMP',
            'C1-SAVPRESTA: where Legal In Progress resumes after an LSP change',
          ),
        ],
      },
    },
    {
      code: 'CHNGORRETLSP',
      label: 'Change or retire LSP',
      kind: 'interim',
      description: 'The current LSP is retired (date of the retirement deed) and a new one is to be assigned.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [
          setCharacteristic('lspAssignmentStatus', 'closed', 'The current (approved) assignment is closed'),
        ],
      },
    },
    {
      code: 'COMPLETE',
      label: 'Complete',
      kind: 'final',
      description: 'The legal case is complete.',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic('lspAssignmentStatus', 'closed', 'LG019 (C1-LSPSTATUS): LSP assignment → Closed'),
          closeTasks(),
        ],
      },
    },
    {
      code: 'WITHDRAW',
      label: 'Withdrawn',
      kind: 'final',
      description: 'Proceedings had started but are stopped, with a withdraw reason.',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic('lspAssignmentStatus', 'closed', 'LG017 (C1-LSPSTATUS): LSP assignment → Closed'),
          closeTasks(),
        ],
      },
    },
    {
      code: 'CANCEL',
      label: 'Cancelled',
      kind: 'final',
      description: 'Stopped before the LSP started proceedings, with a cancel reason.',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic('lspAssignmentStatus', 'cancelled', 'LG018 (C1-LSPSTATUS): LSP assignment → Cancelled'),
          closeTasks(),
        ],
      },
    },
  ],
  transitions: [
    system('PENDING', 'ASSNEWLSP'),
    followUp('PENDING', 'ASSNEWLSP'),
    followUp('ASSNEWLSP', 'PREPLOGDOC'),
    {
      from: 'PREPLOGDOC',
      to: 'PENDINGAPP',
      mode: 'system',
      guard: { guard: 'characteristicEquals', params: { field: 'lspApprovalRequired', value: true } },
    },
    system('PREPLOGDOC', 'WTFRLSPACK'),
    followUp('PENDINGAPP', 'PREPLOGDOC'),
    followUp('PENDINGAPP', 'ASSNEWLSP'),
    followUp('WTFRLSPACK', 'LEGINPROG'),
    followUp('WTFRLSPACK', 'ASSNEWLSP'),
    followUp('LEGINPROG', 'DEFMATTER'),
    followUp('LEGINPROG', 'MTFRJDGFIELD'),
    resumeTo('JDGENFORC'),
    resumeTo('JDGCOMP'),
    followUp('DEFMATTER', 'MTFRJDGFIELD'),
    followUp('DEFMATTER', 'LEGINPROG'),
    followUp('MTFRJDGFIELD', 'LEGINPROG'),
    followUp('MTFRJDGFIELD', 'JDGENFORC'),
    followUp('MTFRJDGFIELD', 'JDGCOMP'),
    followUp('JDGENFORC', 'JDGCOMP'),
    followUp('JDGENFORC', 'COMPLETE'),
    followUp('JDGCOMP', 'JDGENFORC'),
    followUp('JDGCOMP', 'COMPLETE'),
    ...LITIGATION.map((s) => followUp(s, 'CHNGORRETLSP')),
    followUp('CHNGORRETLSP', 'ASSNEWLSP'),
    // Cancel before litigation starts, Withdraw after (3.6: the matrix never offers both).
    ...BEFORE_LITIGATION.map((from): TransitionDef => ({
      from,
      to: 'CANCEL',
      mode: 'manual',
      roles: OFFICERS,
    })),
    ...['LEGINPROG', 'DEFMATTER', 'MTFRJDGFIELD', 'CHNGORRETLSP'].map((from): TransitionDef => ({
      from,
      to: 'WITHDRAW',
      mode: 'manual',
      roles: OFFICERS,
    })),
  ],
  actions: [
    {
      code: 'reviewAssociation',
      label: 'Review linked accounts and customers',
      roles: ['recovery_officer'],
      statuses: ['PENDING'],
      results: [noteResult('reviewed', 'Association reviewed', 'ASSNEWLSP')],
    },
    {
      code: 'assignLsp',
      label: 'Assign the legal service provider',
      roles: OFFICERS,
      statuses: ['ASSNEWLSP'],
      results: [
        {
          code: 'assigned',
          label: 'LSP assigned',
          effects: [],
          fields: [
            textField('lspName', 'Legal service provider'),
            yesField('lspApprovalRequired', 'Needs approval (chosen over the proposed or previous LSP)'),
          ],
          next: 'PREPLOGDOC',
        },
      ],
    },
    {
      code: 'recordDocumentSubmission',
      label: 'Record the documents sent to the LSP',
      roles: ['recovery_officer'],
      statuses: ['PREPLOGDOC'],
      results: [
        {
          code: 'submitted',
          label: 'Documents submitted',
          effects: [],
          fields: [dateField('documentsSubmittedOn', 'Submitted on')],
        },
      ],
    },
    {
      code: 'decideLspAssignment',
      label: 'Approve or reject the LSP assignment',
      roles: ['supervisor'],
      statuses: ['PENDINGAPP'],
      results: [
        {
          code: 'decided',
          label: 'Decided',
          effects: ['recordNote'],
          fields: [choiceField('lspAssignmentStatus', 'Decision', ['approved', 'rejected'])],
          nextBy: { field: 'lspAssignmentStatus', map: { approved: 'PREPLOGDOC', rejected: 'ASSNEWLSP' } },
        },
      ],
    },
    {
      code: 'lspResponse',
      label: 'Record the LSP’s response',
      roles: ['recovery_officer', 'mediation_board'],
      statuses: ['WTFRLSPACK'],
      results: [
        noteResult('accepted', 'LSP accepted the case', 'LEGINPROG'),
        noteResult('refused', 'LSP refused the case', 'ASSNEWLSP'),
      ],
    },
    {
      code: 'recordLitigationEvent',
      label: 'Record a litigation event',
      roles: ['recovery_officer', 'supervisor', 'mediation_board'],
      statuses: ['LEGINPROG', 'DEFMATTER'],
      allowedOnHold: true,
      results: [
        { code: 'progress', label: 'Progress noted', effects: ['recordNote'] },
        noteResult('defended', 'Customer defends the claim', 'DEFMATTER'),
        {
          code: 'motion_filed',
          label: 'Motion for judgment filed',
          effects: ['recordNote'],
          fields: [dateField('motionFiledOn', 'Filed on')],
          next: 'MTFRJDGFIELD',
        },
        noteResult('back_to_litigation', 'Back to litigation in progress', 'LEGINPROG'),
      ],
    },
    {
      code: 'recordJudgment',
      label: 'Record the judgment',
      roles: ['recovery_officer', 'supervisor', 'mediation_board'],
      statuses: ['MTFRJDGFIELD'],
      allowedOnHold: true,
      results: [
        {
          code: 'judgment_enforce',
          label: 'Judgment obtained: enforce',
          effects: ['recordNote'],
          fields: [
            dateField('judgmentDate', 'Judgment date'),
            amountField('judgmentAmountCents', 'Judgment amount', false),
          ],
          next: 'JDGENFORC',
        },
        {
          code: 'judgment_arrangement',
          label: 'Judgment obtained: arrangement agreed',
          effects: ['recordNote', 'agreeSettlement'],
          fields: [dateField('judgmentDate', 'Judgment date')],
          next: 'JDGCOMP',
        },
        noteResult('motion_denied', 'Motion denied: litigation continues', 'LEGINPROG'),
      ],
    },
    {
      code: 'recordEnforcement',
      label: 'Record an enforcement event',
      roles: ['recovery_officer', 'supervisor', 'mediation_board'],
      statuses: ['JDGENFORC', 'JDGCOMP'],
      allowedOnHold: true,
      results: [
        {
          code: 'warrant_of_possession',
          label: 'Warrant of possession granted (open an asset repossession case)',
          effects: ['recordNote'],
          fields: [dateField('warrantGrantedOn', 'Granted on')],
        },
        { code: 'garnishee_order', label: 'Garnishee order obtained', effects: ['recordNote'] },
        {
          code: 'arrangement_agreed',
          label: 'Alternative arrangement agreed',
          effects: ['recordNote', 'agreeSettlement'],
          next: 'JDGCOMP',
        },
        noteResult('arrangement_broken', 'Arrangement broken: enforce', 'JDGENFORC'),
        noteResult('judgment_satisfied', 'Judgment satisfied: complete', 'COMPLETE'),
      ],
    },
    recordPaymentAction({ allowedOnHold: true }),
    {
      code: 'changeLsp',
      label: 'Change the LSP',
      roles: ['supervisor'],
      statuses: LITIGATION,
      results: [noteResult('change', 'LSP to be changed', 'CHNGORRETLSP')],
    },
    {
      code: 'retireLsp',
      label: 'Retire the current LSP',
      roles: OFFICERS,
      statuses: ['CHNGORRETLSP'],
      results: [
        {
          code: 'retired',
          label: 'Retirement deed signed',
          effects: [],
          fields: [dateField('retirementDeedDate', 'Date of the retirement deed')],
          next: 'ASSNEWLSP',
        },
      ],
    },
  ],
});
