import type { AlgorithmRef, CaseTypeConfig, FieldDef, StatusDef } from '../types';
import {
  OFFICERS,
  fromMatrix,
  type MatrixCell,
  textField,
  yesField,
  choiceField,
  setCharacteristic,
  raiseTodo,
  zeroBalanceClose,
  noteResult,
  closeTasks,
  recordPaymentAction,
  debtSaleAction,
  translated,
} from './build';

/**
 * External recovery (after ch. 11 of the banking process guide, docs/domain.md): a charged-off account that internal
 * recovery could not recover is placed with outside agencies in three tiers (primary, secondary, tertiary). In DebtX
 * an agency is a DRC: placement is assignDrc, the DRC's coordinator assigns it to one of its ROs, and the agency
 * works it. Placements are recalled (by rule or by hand), reviewed by the supervisor, placed again, sold or written
 * off.
 *
 * The transition matrix is the guide's Figure 11–3 (printed clean); each status follows the guide's table for it.
 */

const AGENCIES = ['AGENCY_PRIMARY', 'AGENCY_SECONDARY', 'AGENCY_TERTIARY'];

/** Figure 11–3 as printed (S system, F follow-up; X cells left out). Rows are "from", keys "to". */
const MATRIX: Record<string, Record<string, MatrixCell>> = {
  REVIEW: {
    AGENCY_PRIMARY: 'F',
    AGENCY_SECONDARY: 'F',
    AGENCY_TERTIARY: 'F',
    SUPERVISOR_REVIEW: 'F',
    CLOSED_CANCELLED: 'S',
  },
  AGENCY_PRIMARY: { RECALL_IN_PROGRESS: 'S,F', SUPERVISOR_REVIEW: 'F', CLOSED_CANCELLED: 'S' },
  AGENCY_SECONDARY: { RECALL_IN_PROGRESS: 'S,F', SUPERVISOR_REVIEW: 'F', CLOSED_CANCELLED: 'S' },
  AGENCY_TERTIARY: { RECALL_IN_PROGRESS: 'S,F', SUPERVISOR_REVIEW: 'F', CLOSED_CANCELLED: 'S' },
  RECALL_IN_PROGRESS: { SUPERVISOR_REVIEW: 'S', CLOSED_CANCELLED: 'S' },
  SUPERVISOR_REVIEW: {
    AGENCY_PRIMARY: 'F',
    AGENCY_SECONDARY: 'F',
    AGENCY_TERTIARY: 'F',
    DEBT_SALE: 'F',
    WRITE_OFF: 'F',
    CLOSED_PAID_OFF: 'S',
    CLOSED_CANCELLED: 'S',
  },
  DEBT_SALE: { SUPERVISOR_REVIEW: 'F', CLOSED_SOLD: 'S', CLOSED_CANCELLED: 'S' },
  WRITE_OFF: { SUPERVISOR_REVIEW: 'F', CLOSED_WRITTEN_OFF: 'S', CLOSED_CANCELLED: 'S' },
};

/** Recall in Progress → Supervisor Review (S) once the agency acknowledges "Recall Procedure complete". */
const RECALL_ACKNOWLEDGED = {
  guard: 'characteristicEquals',
  params: { field: 'recallProcedureComplete', value: true },
};

/** The agency tier chosen by "Assign Agency" picks the follow-up status. */
const AGENCY_TIER: FieldDef = choiceField('agencyTier', 'Agency group', ['primary', 'secondary', 'tertiary']);
const BY_TIER = {
  field: 'agencyTier',
  map: { primary: 'AGENCY_PRIMARY', secondary: 'AGENCY_SECONDARY', tertiary: 'AGENCY_TERTIARY' },
};

const paidOffCancelled: AlgorithmRef = zeroBalanceClose(
  'CLOSED_CANCELLED',
  'Pay Off Monitor: "the account is paid off" → Closed Cancelled (11.4.10)',
);

function agencyStatus(code: string, label: string, tier: string, recallDays: number): StatusDef {
  return {
    code,
    label,
    kind: 'interim',
    description: `Placed with one agency (DRC) of the ${tier} group; the agency follows the customer up and reports payments and updates.`,
    actors: ['drc_admin', 'ro'],
    hooks: {
      monitoring: [
        {
          algorithm: 'agencyRecall',
          params: {
            afterDays: recallDays,
            minRecoveredPct: 10,
            recallTo: 'RECALL_IN_PROGRESS',
            todo: { type: 'EX_RECALLED', label: `Recalled from the ${tier} agency: too little recovered` },
          },
          note: `CM_EX_MONRCL (C1-MONRECALL) seq 10: Recall Rule (not given; read as under 10% recovered after ${recallDays} days) → Recall in Progress Status`,
        },
        {
          algorithm: 'validityExpiry',
          params: {
            warnDaysBefore: 7,
            todo: { type: 'EX_PLACEMENT_EXPIRING', label: 'Agency placement ends soon' },
            expiredTo: 'RECALL_IN_PROGRESS',
          },
          note: 'DebtX placement validity (every assignment has a validity period) as a second recall rule: an expired placement is recalled',
        },
        paidOffCancelled,
      ],
    },
  };
}

export const externalRecovery: CaseTypeConfig = translated({
  id: 'external_recovery',
  version: 1,
  name: 'External recovery',
  description:
    'Charged-off accounts placed with outside agencies (DRCs) in primary, secondary and tertiary tiers; recall, supervisor review, debt sale and write-off.',
  readings: [
    'Roles: agencies (primary / secondary / tertiary) are DRCs in DebtX → drc_admin (the agency’s coordinator) and ro (its officers); Recovery Specialist (initial review) → recovery_officer, who in DebtX places and recalls cases (the recovery officer’s role); Recovery Supervisor → supervisor; Debt Sale Team → supervisor. Write-off and debt sale are supervisor-only, as in DebtX’s roles (docs/domain.md).',
    'Figure 11–3 is taken cell by cell. Its diagonal cell Recall in Progress → Recall in Progress is printed X; it is read as the diagonal. Closed statuses are terminal (all X), as in DebtX.',
    'C1-MONRECALL "Recall Rule": the rule’s content is not given. It is read as agencyRecall: less than 10% of the balance recovered after 90 days (primary), 120 days (secondary) or 150 days (tertiary). DebtX’s placement validity (validityExpiry, settings.validityDays 180, warned 7 days ahead) is a second recall rule: a placement that is neither extended nor renewed is recalled when it ends.',
    '"Monitor Recall Indicators" (the instance’s description) suggests recall also on account indicators; the library’s indicatorWatch could do it but no indicator is named, so none is configured.',
    'Recall in Progress: C1-INITRECAL marks the assignment Recall and informs the agency → recallStatus = recall and a to-do for the agency. The agency’s acknowledgement "Recall Procedure complete" (Follow Up Interface) is a result capturing recallProcedureComplete = true, and the system transition to Supervisor Review is guarded on it (matrix S). The placement is taken back from the DRC (reallocate) only when the case leaves Recall in Progress, so the agency can still send its last updates and payments.',
    'Debt Sale: the description is a copy of Recall in Progress; by analogy with ch. 10 the case is parked for the debt sale team. C1-VDS is listed under Enter Processing here and Enter Validation in ch. 10; it is a validation and the library has no debt-sale eligibility check (gap): noHold is used (no deceased or bankruptcy case holds the account). The sale closes the case through the account status (CM_EX_CLDDBT, C1-TOAS: closed_sold → Closed Sold).',
    'Write Off: the actor is printed "Skip Trace Team"; read as System (a parked status). The matrix’s S → Closed Written-off has no algorithm in ch. 11; by analogy with ch. 10 (IR_CM_WRTOF) accountStatusMirror closed_written_off → Closed Written-off is used.',
    'Figure 11–1 residue "Closed – Cured": not in the status list or matrix; left out.',
    'Closed Paid-off (Cure Monitor) is reachable by S only from Supervisor Review; paid off anywhere else goes to Closed Cancelled ("account is paid off", Pay Off Monitor). Closure by another case (CSAM) is Closed Cancelled.',
    'Secondary / Tertiary descriptions: "when the tertiary agency is not able to recover" is read as the secondary agency. Tiers are not forced in order: the matrix lets Review and Supervisor Review place in any tier ("next stage … or other agencies of same stage").',
    'Review "Call to Cross Strategy Action Matrix": entering Review closes the account’s internal-recovery and early-collections cases (the account moved on to agencies). Deceased and bankruptcy cases hold this one, and refuse new ones while open.',
  ],
  category: 'RecoveryExternal',
  level: 'account',
  blockedBy: ['external_recovery', 'bankruptcy', 'deceased'],
  closedByOtherCase: 'CLOSED_CANCELLED',
  crossCase: [
    {
      onEnter: 'REVIEW',
      scope: 'account',
      caseTypes: ['internal_recovery', 'early_collections'],
      action: 'close',
      reason: 'The account was placed for external recovery',
    },
  ],
  settings: { validityDays: 180, maxRoDiscountPct: 10, maxInstalments: 12 },
  statuses: [
    {
      code: 'REVIEW',
      label: 'Review',
      kind: 'initial',
      description:
        'A recovery specialist reviews the account and recovery history and places it with an agency group or refers it to the supervisor.',
      actors: ['system', 'recovery_officer'],
      hooks: { monitoring: [paidOffCancelled] },
    },
    agencyStatus('AGENCY_PRIMARY', 'Primary agency', 'primary', 90),
    agencyStatus('AGENCY_SECONDARY', 'Secondary agency', 'secondary', 120),
    agencyStatus('AGENCY_TERTIARY', 'Tertiary agency', 'tertiary', 150),
    {
      code: 'RECALL_IN_PROGRESS',
      label: 'Recall in progress',
      kind: 'interim',
      description:
        'Recalled from the agency; waiting for the agency to wind up and acknowledge "Recall Procedure complete".',
      actors: ['system', 'drc_admin'],
      hooks: {
        enterProcessing: [
          setCharacteristic(
            'recallStatus',
            'recall',
            'CM_EX_INIRCL (C1-INITRECAL): the assignment’s recall status is set to Recall',
          ),
          setCharacteristic('recallProcedureComplete', false),
          {
            algorithm: 'raiseTodo',
            params: {
              type: 'EX_AGENCY_RECALL',
              label: 'Recalled: send the last updates and payments, then acknowledge the recall',
              dueInDays: 7,
            },
            note: 'CM_EX_INIRCL (C1-INITRECAL): cases marked Recall are communicated to the agencies',
          },
        ],
        exitProcessing: [
          closeTasks(['EX_AGENCY_RECALL']),
          setCharacteristic('recallStatus', 'recalled'),
          { algorithm: 'reallocate', note: 'The placement ends: the case is taken back from the agency (DRC)' },
        ],
        monitoring: [paidOffCancelled],
      },
    },
    {
      code: 'SUPERVISOR_REVIEW',
      label: 'Supervisor review',
      kind: 'interim',
      description:
        'The recovery supervisor places the case with the next (or another) agency, or marks it for debt sale or write-off.',
      actors: ['supervisor', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'EX_SUPERVISOR_REVIEW',
            'Review the recalled or referred case',
            'The supervisor works these cases via case-level tasks',
          ),
        ],
        exitProcessing: [closeTasks(['EX_SUPERVISOR_REVIEW'])],
        monitoring: [
          zeroBalanceClose(
            'CLOSED_PAID_OFF',
            'Cure Monitor Batch (11.4.9): the matrix’s S Supervisor Review → Closed Paid Off',
          ),
        ],
      },
    },
    {
      code: 'DEBT_SALE',
      label: 'Debt sale',
      kind: 'interim',
      description: 'Parked for the debt sale team, which sells the account to an asset restructuring company.',
      actors: ['system', 'supervisor'],
      hooks: {
        enterValidation: [
          { algorithm: 'noHold', note: 'CM_EX_DEBTSL (C1-VDS) validation for debt sale: closest check (see readings)' },
        ],
        monitoring: [
          {
            algorithm: 'accountStatusMirror',
            params: { map: { closed_sold: 'CLOSED_SOLD' } },
            note: 'CM_EX_CLDDBT (C1-TOAS): account status Closed – Sold → Closed Sold',
          },
          paidOffCancelled,
        ],
      },
    },
    {
      code: 'WRITE_OFF',
      label: 'Write off',
      kind: 'interim',
      description: 'Parked: the recovery supervisor recommended write-off; marked for write-off.',
      actors: ['system'],
      hooks: {
        enterProcessing: [setCharacteristic('markedForWriteOff', true, 'Set Marked for Write Off flag as Y')],
        monitoring: [
          {
            algorithm: 'accountStatusMirror',
            params: { map: { closed_written_off: 'CLOSED_WRITTEN_OFF' } },
            note: 'No algorithm in ch. 11; C1-TOAS as in ch. 10 (IR_CM_WRTOF)',
          },
          paidOffCancelled,
        ],
      },
    },
    {
      code: 'CLOSED_PAID_OFF',
      label: 'Closed: paid off',
      kind: 'final',
      description: 'The customer paid off the entire outstanding.',
      actors: [],
    },
    {
      code: 'CLOSED_CANCELLED',
      label: 'Closed: cancelled',
      kind: 'final',
      description: 'The account was paid off, or another case closed this one.',
      actors: [],
    },
    {
      code: 'CLOSED_SOLD',
      label: 'Closed: sold',
      kind: 'final',
      description: 'The account was sold to an asset restructuring company.',
      actors: [],
    },
    {
      code: 'CLOSED_WRITTEN_OFF',
      label: 'Closed: written off',
      kind: 'final',
      description: 'The account was written off.',
      actors: [],
    },
  ],
  transitions: fromMatrix(MATRIX, (from, to) =>
    from === 'RECALL_IN_PROGRESS' && to === 'SUPERVISOR_REVIEW' ? RECALL_ACKNOWLEDGED : undefined,
  ),
  actions: [
    {
      code: 'reviewCase',
      label: 'Review case',
      roles: OFFICERS,
      statuses: ['REVIEW'],
      results: [
        { code: 'reviewed', label: 'Reviewed', effects: ['recordNote'] },
        {
          code: 'assign_agency',
          label: 'Assign to an agency',
          effects: ['assignDrc'],
          fields: [AGENCY_TIER],
          nextBy: BY_TIER,
        },
        {
          code: 'refer_to_supervisor',
          label: 'Refer to supervisor (debt sale or write-off recommended)',
          effects: ['recordNote'],
          fields: [choiceField('recommendation', 'Recommendation', ['debt_sale', 'write_off'])],
          next: 'SUPERVISOR_REVIEW',
        },
      ],
    },
    {
      code: 'assignRo',
      label: 'Assign to an agency officer',
      roles: ['drc_admin'],
      statuses: AGENCIES,
      results: [{ code: 'assigned', label: 'Assigned', effects: ['assignRo'] }],
    },
    {
      code: 'agencyFollowUp',
      label: 'Agency follow-up',
      roles: ['drc_admin', 'ro'],
      statuses: [...AGENCIES, 'RECALL_IN_PROGRESS'],
      results: [
        { code: 'no_answer', label: 'No answer', effects: ['recordContact'] },
        { code: 'contacted', label: 'Customer contacted', effects: ['recordContact'] },
        { code: 'promise_to_pay', label: 'Promise to pay', effects: ['recordContact', 'recordPromise'] },
        { code: 'settlement_agreed', label: 'Settlement agreed', effects: ['recordContact', 'agreeSettlement'] },
        { code: 'demographic_update', label: 'Demographic update', effects: ['recordNote'] },
      ],
    },
    recordPaymentAction({ roles: ['drc_admin', 'ro', ...OFFICERS], allowedOnHold: true }),
    {
      code: 'recallCase',
      label: 'Recall case',
      roles: ['supervisor', 'recovery_officer'],
      statuses: AGENCIES,
      results: [noteResult('recalled', 'Recalled from the agency', 'RECALL_IN_PROGRESS')],
    },
    {
      code: 'referToSupervisor',
      label: 'Refer to supervisor',
      roles: ['drc_admin', 'recovery_officer', 'supervisor'],
      statuses: AGENCIES,
      results: [
        {
          code: 'referred',
          label: 'Referred to the supervisor',
          effects: [],
          fields: [textField('referralReason', 'Referral reason')],
          next: 'SUPERVISOR_REVIEW',
        },
      ],
    },
    {
      code: 'acknowledgeRecall',
      label: 'Acknowledge the recall',
      roles: ['drc_admin'],
      statuses: ['RECALL_IN_PROGRESS'],
      allowedOnHold: true,
      results: [
        {
          code: 'recall_complete',
          label: 'Recall procedure complete',
          effects: [],
          fields: [yesField('recallProcedureComplete', 'All updates and payments sent; recall procedure complete')],
        },
      ],
    },
    {
      code: 'assignAgency',
      label: 'Assign agency',
      roles: ['supervisor', 'recovery_officer'],
      statuses: ['SUPERVISOR_REVIEW'],
      results: [
        {
          code: 'assigned',
          label: 'Assigned to an agency (next stage, same stage or a specific agency)',
          effects: ['assignDrc'],
          fields: [AGENCY_TIER],
          nextBy: BY_TIER,
        },
      ],
    },
    {
      code: 'transferCase',
      label: 'Transfer case',
      roles: ['supervisor'],
      statuses: ['SUPERVISOR_REVIEW'],
      results: [
        {
          code: 'write_off',
          label: 'Mark for write-off',
          effects: [],
          fields: [textField('writeOffReason', 'Write-off reason')],
          next: 'WRITE_OFF',
        },
        noteResult('debt_sale', 'Mark for debt sale', 'DEBT_SALE'),
      ],
    },
    debtSaleAction(),
    {
      code: 'sendBackToReview',
      label: 'Send back to supervisor review',
      roles: ['supervisor'],
      statuses: ['DEBT_SALE', 'WRITE_OFF'],
      results: [noteResult('reconsider', 'Reconsider', 'SUPERVISOR_REVIEW')],
    },
  ],
});
