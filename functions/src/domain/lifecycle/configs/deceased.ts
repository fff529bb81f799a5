import type { AlgorithmRef, CaseTypeConfig } from '../types';
import {
  OFFICERS,
  system,
  followUp,
  manual,
  textField,
  dateField,
  choiceField,
  setCharacteristic,
  afterDaysInStatus,
  closeTasks,
  todoAfterDays,
  translated,
} from './build';

/**
 * Deceased (after ch. 2 of the banking process guide, docs/domain.md): the bank hears that a customer has died. The
 * claim is verified (death confirmed or invalid claim); on confirmation the deceased warning indicator is set and a
 * recovery associate reviews every exposure of the customer, records what was done per account, and completes the
 * case. While the case is open, the customer's other collection cases are held.
 *
 * Each status follows the guide's table for it. Codes as printed, '-' written '_' (DCSD-COMPLET → DCSD_COMPLET).
 */

/** C1-CLSTODO on every exit: the four to-do types of the deceased process (C1-TD-CL, C1-TD-AC, C1-TD-DN, C1-DNA1). */
const closeDeceasedTodos: AlgorithmRef = closeTasks(
  ['C1-TD-CL', 'C1-TD-AC', 'C1-TD-DN', 'C1-DNA1', 'DCSD_NEXT_ACTION'],
  'C1-CLSTODO: To-Do Types C1-TD-CL, C1-TD-AC, C1-TD-DN, C1-DNA1',
);
const deceasedSwitch = (value: boolean, note: string): AlgorithmRef => setCharacteristic('deceasedSwitch', value, note);

const COLLECTION_CASES = ['early_collections', 'internal_recovery', 'external_recovery', 'debtx_telco'];

export const deceased: CaseTypeConfig = translated({
  id: 'deceased',
  version: 1,
  name: 'Deceased customer',
  description:
    'A customer’s death is verified, the deceased indicator set, and every exposure reviewed and handled; other collection cases wait meanwhile.',
  readings: [
    'Roles: branch staff, call-centre staff and the Recovery Associate (who start the case and verify the claim) → recovery_officer; supervisor may do the same. System → system.',
    'Transition roles (Tables 2-7, 2-12, 2-15): "System and User" with Validate Follow-up = Y is a follow-up of the result that records it (Death Confirmed; Deceased Cancel); with Validate Follow-up = N it is a manual transition (Invalid Claim; Complete), as the text says the user moves the case "manually". No algorithm takes these by itself, so no system transitions are added.',
    'Table 2-15 marks Deceased Cancel as the default and the one that requires a follow-up, and Complete as neither. This looks inverted but is kept as printed: Cancel needs the recorded result (with its reason), Complete is a manual move by the associate when every account is handled.',
    'C1-UPDRVWDT in Pending (Set, offset 5 days) contradicts the description (review dates are removed so the strategy monitor leaves the accounts alone). Read as the description: DebtX has no review dates or strategy monitor; the cross-case hold on the customer’s other collection cases does that job, and their release at the end stands for "set review date to today" (C1-UPDRVSET).',
    'Table 2-5 (Pending no-activity monitoring) is garbled: algorithm codes sit in the To-Do column at 5 and 10 days. Read as the usual two-level no-activity to-dos: at 5 days C1-DNA1 (read as "deceased no activity 1"), at 10 days C1-TD-AC (escalation). The exit algorithms close these types.',
    'DCSD-COMPLET: CS-MONITOR on a final status: a final status is never monitored in DebtX; left out.',
    'Table 2-10 (DEATHCONFIRM: C1-TRAN-STAT, move to the default next status) → afterDaysInStatus 0 days to Manage Customer: the next monitor run takes it (no immediate pass-through algorithm; gap).',
    'C1-CHKDCD: refuse if an active deceased case exists or the deceased warning indicator is already set: blockedBy deceased covers the first; the library has no "indicator must not be set" validation (gap).',
    'C1-UPDWARN (set the Deceased warning indicator), C1-CUSTSW / C1-DECSW_N (DECEASED_SW) and C1-CUSINCOLR (in-collections flag) write to the host; DebtX cannot write indicators back (gap), so they are kept as characteristics (deceasedWarningIndicator, deceasedSwitch). The warning indicator is never unset automatically.',
    'Cross Strategy Action Matrix: on creation the customer’s early-collections, internal- and external-recovery and telco cases are held; every final status releases them. New cases of those types are refused while this case is open (their blockedBy).',
    'Manage Customer: per-account actions and next-action reminders are action results; the Next Action Date reminder is dateAlert on nextActionDate.',
  ],
  category: 'Deceased',
  level: 'customer',
  blockedBy: ['deceased'],
  crossCase: [
    {
      onEnter: 'PENDING',
      scope: 'customer',
      caseTypes: COLLECTION_CASES,
      action: 'hold',
      reason: 'The customer is reported deceased',
    },
    {
      onEnter: '*final',
      scope: 'customer',
      caseTypes: COLLECTION_CASES,
      action: 'release',
      reason: 'The deceased case is closed',
    },
  ],
  creationFields: [choiceField('reportedBy', 'Reported by', ['branch', 'call_centre', 'collections'])],
  settings: {},
  statuses: [
    {
      code: 'PENDING',
      label: 'Pending',
      kind: 'initial',
      description:
        'The death claim is recorded; it is verified and the case moved to Death Confirmed or Invalid Claim.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [deceasedSwitch(true, 'C1-CUSTSW: update deceased switch to Y')],
        monitoring: [
          todoAfterDays(
            5,
            'C1-DNA1',
            'Deceased claim not verified for 5 days',
            'Table 2-5, 5 days (garbled: read as no-activity level 1)',
          ),
          todoAfterDays(
            10,
            'C1-TD-AC',
            'Deceased claim not verified for 10 days: escalate',
            'Table 2-5, 10 days (garbled: read as no-activity level 2)',
          ),
        ],
        exitProcessing: [closeDeceasedTodos],
      },
    },
    {
      code: 'DEATHCONFIRM',
      label: 'Death confirmed',
      kind: 'interim',
      description: 'The death is confirmed; the deceased warning indicator is set on the customer.',
      actors: ['system'],
      hooks: {
        enterProcessing: [
          setCharacteristic(
            'deceasedWarningIndicator',
            true,
            'C1-UPDWARN: Association Type = Primary, Warning indicator Type = Deceased, Update Type = Set',
          ),
        ],
        monitoring: [
          afterDaysInStatus(
            0,
            { moveTo: 'MANAGECUST' },
            'C1-TRAN-STAT: transition to default next status (condition OK)',
          ),
        ],
        exitProcessing: [closeDeceasedTodos],
      },
    },
    {
      code: 'MANAGECUST',
      label: 'Manage customer',
      kind: 'interim',
      description:
        'The recovery associate reviews every exposure of the customer, applies a strategy per account, and records it.',
      actors: ['recovery_officer'],
      hooks: {
        monitoring: [
          {
            algorithm: 'dateAlert',
            params: {
              field: 'nextActionDate',
              daysBefore: 0,
              todo: { type: 'DCSD_NEXT_ACTION', label: 'Next action due on the deceased customer’s case' },
            },
            note: 'Next Action / Next Action Date as reminders',
          },
        ],
        exitProcessing: [closeDeceasedTodos],
      },
    },
    {
      code: 'INVALIDCLAIM',
      label: 'Invalid claim',
      kind: 'final',
      description: 'Rejected: not enough proof of death.',
      actors: [],
      hooks: { enterProcessing: [deceasedSwitch(false, 'C1-DECSW_N: deceased switch DECEASED_SW = N')] },
    },
    {
      code: 'DCSD_COMPLET',
      label: 'Complete',
      kind: 'final',
      description: 'Every exposure has been handled; the deceased warning indicator stays until removed by hand.',
      actors: [],
    },
    {
      code: 'DCSD_CANCEL',
      label: 'Deceased cancel',
      kind: 'final',
      description: 'Cancelled; the warning indicator is not unset automatically.',
      actors: [],
      hooks: { enterProcessing: [deceasedSwitch(false, 'C1-DECSW_N: deceased switch DECEASED_SW = N')] },
    },
  ],
  transitions: [
    followUp('PENDING', 'DEATHCONFIRM'),
    manual('PENDING', 'INVALIDCLAIM'),
    system('DEATHCONFIRM', 'MANAGECUST'),
    followUp('MANAGECUST', 'DCSD_CANCEL'),
    manual('MANAGECUST', 'DCSD_COMPLET'),
  ],
  actions: [
    {
      code: 'verifyClaim',
      label: 'Verify the death claim',
      roles: OFFICERS,
      statuses: ['PENDING'],
      results: [
        {
          code: 'death_confirmed',
          label: 'Death confirmed',
          effects: ['recordNote'],
          fields: [
            dateField('dateOfDeath', 'Date of death'),
            textField('proofOfDeath', 'Proof of death (certificate reference)'),
          ],
          next: 'DEATHCONFIRM',
        },
        { code: 'more_proof_needed', label: 'More proof requested', effects: ['recordNote'] },
      ],
    },
    {
      code: 'recordAccountAction',
      label: 'Record the action taken on an account',
      roles: ['recovery_officer'],
      statuses: ['MANAGECUST'],
      results: [
        {
          code: 'strategy_applied',
          label: 'Strategy decided for the account',
          effects: ['recordNote'],
          fields: [
            textField('accountNumber', 'Account'),
            choiceField('accountStrategy', 'Strategy', [
              'co_borrower_continues',
              'claim_on_estate',
              'collateral_realisation',
              'insurance_claim',
              'write_off',
              'none',
            ]),
            dateField('nextActionDate', 'Next action date', false),
          ],
        },
        { code: 'estate_contacted', label: 'Estate / next of kin contacted', effects: ['recordContact'] },
      ],
    },
    {
      code: 'cancelCase',
      label: 'Cancel the deceased case',
      roles: OFFICERS,
      statuses: ['MANAGECUST'],
      results: [{ code: 'cancelled', label: 'Cancelled', effects: ['setClosureReason'], next: 'DCSD_CANCEL' }],
    },
  ],
});
