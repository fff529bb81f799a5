import type { ActionDef, AlgorithmRef, CaseTypeConfig, FieldDef, ResultDef } from '../types';
import {
  OFFICERS,
  followUp,
  textField,
  dateField,
  amountField,
  yesField,
  choiceField,
  setCharacteristic,
  raiseTodo,
  closeTasks,
  recordPaymentAction,
  translated,
} from './build';

/**
 * Bankruptcy (after ch. 7 of the banking process guide, docs/domain.md): a customer-level case opened when the bank
 * learns that a borrower filed for bankruptcy. The automatic stay holds every other collection case of the customer.
 * The specialist sets the case up (341 hearing, trustee, counsel, valuations), determines the chapter, and works
 * each account through the chapter's "stops" (chapter 7: reaffirmation, collateral return, relief from stay,
 * drop-dead order, repossession, pre-closure; chapter 13 adds proof of claim, proposed plan and confirmed plan).
 * Discharge leads to the post-discharge status of the chapter; the case ends closed, dismissed or cancelled.
 * Chapters other than 7 and 13 are handled offline (Other Bankruptcy).
 *
 * Each status follows the guide's table for it. The chapter has no transition matrix: transitions come from the
 * prose.
 */

const COLLECTION_CASES = ['early_collections', 'internal_recovery', 'external_recovery', 'debtx_telco'];
const WORKED = ['BK_SETUP', 'MANAGE_CH7', 'MANAGE_CH13', 'POST_DISCH_CH7', 'POST_DISCH_CH13', 'OTHER_BK'];
const MANAGE = ['MANAGE_CH7', 'MANAGE_CH13'];

const CHAPTER: FieldDef = choiceField('chapter', 'Chapter', ['7', '11', '12', '13', 'other']);
const BY_CHAPTER = { field: 'chapter', map: { '7': 'MANAGE_CH7', '13': 'MANAGE_CH13' }, otherwise: 'OTHER_BK' };

const hearing341: AlgorithmRef = {
  algorithm: 'dateAlert',
  params: {
    field: 'hearing341Date',
    daysBefore: 3,
    todo: { type: 'BK_341_HEARING', label: '341 hearing (meeting of creditors)' },
  },
  note: 'CM-MTR341HRG (C1-MTR341HRG): monitor the 341 hearing date and alert the bankruptcy specialist',
};
const rfsHearing: AlgorithmRef = {
  algorithm: 'dateAlert',
  params: {
    field: 'rfsNextHearingDate',
    daysBefore: 3,
    todo: { type: 'BK_RFS_HEARING', label: 'Relief from stay hearing' },
  },
  note: 'CM-MTRHRNGDT (C1-MTRHRNGDT): notify the specialist of the RFS hearing date',
};
const nextActionReminder: AlgorithmRef = {
  algorithm: 'dateAlert',
  params: {
    field: 'nextActionDate',
    daysBefore: 0,
    todo: { type: 'BK_NEXT_ACTION', label: 'Planned next action is due' },
  },
  note: 'Plan Next Action Date: a reminder on the planned date',
};
/** Dismissal, Cancel Bankruptcy and Closed all undo what Pending and Setup set. */
const cleanUp: AlgorithmRef[] = [
  setCharacteristic(
    'noticeOfBankruptcy',
    false,
    'CM_BK_RESET (C1-UPDWARN): remove the Notice of Bankruptcy warning indicator',
  ),
  setCharacteristic('bankruptSwitch', false, 'CM-BRUPTSW_N (C1-CUSTSW): BANKRUPTC_SW = N'),
  setCharacteristic('bankruptcyRiskIndicator', false, 'Reset the Bankruptcy risk indicator'),
  setCharacteristic('bankruptcyWarningCode', null, 'C1-SETWI RESET 7, 11, 13, 28, 31, 70'),
  closeTasks(),
];

const ACCOUNT: FieldDef = textField('stopAccount', 'Account');

/** One "stop" of the per-account wizard: its outcomes are results; each captures the account and its facts. */
function stop(
  code: string,
  label: string,
  statuses: string[],
  outcomes: [string, string, FieldDef[]?, string[]?][],
): ActionDef {
  return {
    code,
    label,
    roles: OFFICERS,
    statuses,
    results: outcomes.map(([resultCode, resultLabel, fields = [], effects = []]): ResultDef => ({
      code: resultCode,
      label: resultLabel,
      effects,
      fields: [ACCOUNT, ...fields],
    })),
  };
}

export const bankruptcy: CaseTypeConfig = translated({
  id: 'bankruptcy',
  version: 1,
  name: 'Bankruptcy',
  description:
    'A borrower filed for bankruptcy: automatic stay on collections, chapter 7 or 13 tracks worked per account, discharge, dismissal or cancellation.',
  readings: [
    'Roles: Collector (enters the minimum data, can work the case) → recovery_officer; Bankruptcy Specialist (main owner) → supervisor, also allowed everything a recovery_officer is; lender’s legal counsel, trustee and court are outside parties whose outcomes the specialist records. Administration team (valuation tasks, queue CASAJ) → to-dos.',
    'Ch. 7 has no transition matrix; every transition is a follow-up of the result the prose names (Plan Next Action Date, chapter determined, Discharge Received, Dismissal Received, chapter converted, Close Bankruptcy Case, Cancel Bankruptcy). No system transitions are described, so there are none.',
    'Chapter tracks: the chapter captured at setup or on conversion chooses the follow-up (nextBy chapter: 7 → Manage Chapter 7, 13 → Manage Chapter 13, anything else → Other Bankruptcy). Discharge from Setup goes to the post-discharge status of the captured chapter (chapter 7 → Post Discharge 7, 13 → Post Discharge 13, other → Other Bankruptcy, handled offline); from Manage 7 / 13 it goes to its own post-discharge status. Figure 7-4’s "… ASSET" status names (older asset / no-asset split) are not used by the text and are left out.',
    'Post Discharge Chapter 13: the section intro calls it interim, the table "This is final status", yet the user then records Close Bankruptcy Case → Closed. Read as interim, like Post Discharge Chapter 7.',
    'Dismissal: printed first as interim, then "This will be the final status". Read as final.',
    'Cancel Bankruptcy "from any status" → a follow-up from every non-final status. Dismissal from Pending, Setup, Manage 7 and Manage 13 only, as the prose lists.',
    'Collateral valuation older than 180 days vs C1-INICLTVAL "Valuation Expiry Date: 60": the library cannot read valuation dates (gap); entering Setup raises one valuation to-do, labelled with the algorithm’s 60 days.',
    'Switch BANKRUPT_SW set in Pending, BANKRUPTC_SW reset at the end: read as the same switch, kept as the characteristic bankruptSwitch. Host write-backs (C1-CUSTSW, C1-UPDWARN, C1-SETWI account warning codes, C1-EXCACCDLR dialer exclusion, C1-SETDPD) cannot be written back by DebtX (gap) and are kept as characteristics; Metro 2 credit reporting (C1-CONINFOIN, C1-CIIPSTDIS, C1-CFOSEP) has no DebtX counterpart and is left out.',
    'Post Discharge 13 enter: C1-SETWI SET 13, where 70 "Chapter 13 Discharged" would be expected: kept as printed (13).',
    'Per-account "stops" (train stops): DebtX has no per-account sub-workflow (gap). Each stop is an action whose results are the stop’s outcomes, each capturing the account; facts land in case characteristics, so the last account recorded wins. The "Create Task" buttons and the "Initiate Liquidation" button (which creates an asset repossession case) cannot be driven by a result (gap: results cannot raise to-dos or spawn cases); the specialist opens the asset repossession case from the UI with reason "bankruptcy".',
    'Reaffirmation outcome name truncated: read as "Reaffirmation broken – file relief from stay". The RFS outcome "Rejected – Confirmed Plan" belongs to chapter 13 and is offered in both tracks because the stop action is shared.',
    'Monitors: CM-MTRPYMPLN (Drop Dead Order broken 1 day in ch. 7, PTPC 3 days in ch. 13) → promiseWatch with those tolerances, raising a to-do (Bankruptcy PTP types have their own tolerance: the tolerance is per configuration here). CM-MTR341HRG and CM-MTRHRNGDT → dateAlert 3 days before the hearing (lead time not given). CM-MTRCRGDQY (charge-off / delinquency watch, DPD ≥ 15) and CM-MTRARPLNT (arrearage and confirmed-plan thresholds) have no library algorithm (gaps).',
    'Table 7-24 (C1-CLDATP "Close Arrearage Pay Plan" listed under Enter Processing of Manage Chapter 13): read as its exit processing, closing the arrearage pay-plan to-do C1-CRTATP raised on entry.',
    '"NFR status", undefined: not modelled.',
    'Automatic stay and CSAM: entering Pending holds the customer’s early-collections, internal- and external-recovery and telco cases; every final status releases them. While this case is open, new cases of those types are refused (their blockedBy). Only one open bankruptcy per customer (blockedBy bankruptcy); the "risk indicator already set" check has no validation algorithm (gap).',
  ],
  category: 'Bankruptcy',
  level: 'customer',
  blockedBy: ['bankruptcy'],
  crossCase: [
    {
      onEnter: 'PENDING',
      scope: 'customer',
      caseTypes: COLLECTION_CASES,
      action: 'hold',
      reason: 'Automatic stay: the customer filed for bankruptcy',
    },
    {
      onEnter: '*final',
      scope: 'customer',
      caseTypes: COLLECTION_CASES,
      action: 'release',
      reason: 'The bankruptcy case is closed',
    },
  ],
  creationFields: [
    textField('debtorNameOnPetition', 'Debtor’s name on petition'),
    dateField('dateFiled', 'Date filed'),
    textField('bankruptcyCaseNumber', 'Case number'),
    textField('district', 'District', false),
    { ...CHAPTER, required: false },
    textField('jointBorrowerPartyId', 'Joint borrower party id', false),
    textField('debtorAttorneyFirm', 'Borrower attorney: legal firm', false),
    textField('debtorAttorneyName', 'Borrower attorney: name', false),
    textField('debtorAttorneyPhone', 'Borrower attorney: phone', false),
  ],
  settings: {},
  statuses: [
    {
      code: 'PENDING',
      label: 'Pending',
      kind: 'initial',
      description:
        'The filing is recorded; accounts are associated, collections stopped and the case queued for a bankruptcy specialist.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: {
        enterProcessing: [
          setCharacteristic('bankruptSwitch', true, 'CM_BKSW_Y (C1-CUSTSW): BANKRUPT_SW = Y'),
          setCharacteristic(
            'dialerExcluded',
            true,
            'CM-EXCACCDLR (C1-EXCACCDLR): exclude the associated accounts from the dialer',
          ),
          {
            algorithm: 'addToWorkList',
            params: { workList: 'BKTCY_VER' },
            note: 'CM-ALLOCBKCT (C1-ALLOCQUE): Queue Code BKTCY_VER',
          },
        ],
      },
    },
    {
      code: 'BK_SETUP',
      label: 'Bankruptcy setup',
      kind: 'interim',
      description:
        'Attorney, trustee, counsel and the 341 hearing are recorded; collateral is valued; the chapter and assets are analysed.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: {
        enterProcessing: [
          {
            algorithm: 'raiseTodo',
            params: {
              type: 'C1-TC-CV',
              label: 'Value the collaterals last valued more than 60 days ago (administration queue CASAJ)',
            },
            note: 'CM-INICLTVAL (C1-INICLTVAL): Valuation Expiry Date 60; Collateral Valuation Task C1-TC-CV; Administration Queue CASAJ',
          },
          setCharacteristic(
            'noticeOfBankruptcy',
            true,
            'CM_BK_SET (C1-UPDWARN): set warning indicator Notice Of Bankruptcy',
          ),
          setCharacteristic('bankruptcyRiskIndicator', true, 'Set the Bankruptcy risk indicator on the borrower'),
        ],
        monitoring: [hearing341, nextActionReminder],
      },
    },
    {
      code: 'MANAGE_CH7',
      label: 'Manage chapter 7 bankruptcy',
      kind: 'interim',
      description:
        'Each account goes through the chapter 7 stops: reaffirmation, collateral return, relief from stay, drop-dead order, repossession, pre-closure.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: {
        enterProcessing: [
          setCharacteristic('bankruptcyWarningCode', '7', 'C1-SETWI: SET 7 (Bankruptcy Chapter 7); RESET 11, 13, 28'),
        ],
        monitoring: [
          hearing341,
          {
            algorithm: 'promiseWatch',
            params: {
              toleranceDays: 1,
              todo: { type: 'BK_PLAN_BROKEN', label: 'Drop-dead order plan broken for more than 1 day' },
            },
            note: 'CM-MTRPYMPLN (C1-MTRPYMPLN): PTP Type Drop Dead Order; Days Since PTP Broken 1',
          },
          rfsHearing,
          nextActionReminder,
        ],
      },
    },
    {
      code: 'POST_DISCH_CH7',
      label: 'Post discharge chapter 7',
      kind: 'interim',
      description:
        'Discharged under chapter 7; the accounts are monitored until all are paid off or charged off, then the case is closed.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: { monitoring: [nextActionReminder] },
    },
    {
      code: 'MANAGE_CH13',
      label: 'Manage chapter 13 bankruptcy',
      kind: 'interim',
      description:
        'Each account goes through the chapter 13 stops: proof of claim, proposed plan, confirmed plan, collateral return, relief from stay, drop-dead order, repossession, pre-closure.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'BK_ARREARAGE_PAY_PLAN',
            'Set up the arrearage pay plan',
            'CM-CRTATP (C1-CRTATP): create the arrearage pay plan for the bankruptcy case',
          ),
          setCharacteristic('bankruptcyWarningCode', '13', 'C1-SETWI: SET 13 (Bankruptcy Chapter 13); RESET 11, 7, 31'),
        ],
        monitoring: [
          {
            algorithm: 'promiseWatch',
            params: {
              toleranceDays: 3,
              todo: { type: 'BK_PLAN_BROKEN', label: 'Confirmed plan payment broken for more than 3 days' },
            },
            note: 'CM-MTRPYMPLN (C1-MTRPYMPLN): PTP Type PTPC; Days Since PTP Broken 3',
          },
          hearing341,
          rfsHearing,
          nextActionReminder,
        ],
        exitProcessing: [closeTasks(['BK_ARREARAGE_PAY_PLAN'], 'CM-CLDATP (C1-CLDATP): close the arrearage pay plan')],
      },
    },
    {
      code: 'POST_DISCH_CH13',
      label: 'Post discharge chapter 13',
      kind: 'interim',
      description:
        'Discharged under chapter 13: the remaining unsecured debt is charged off; the case is closed when every account is paid off or charged off.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: {
        enterProcessing: [setCharacteristic('bankruptcyWarningCode', '13', 'C1-SETWI: SET 13 (as printed)')],
        monitoring: [nextActionReminder],
      },
    },
    {
      code: 'OTHER_BK',
      label: 'Other bankruptcy',
      kind: 'interim',
      description: 'Chapters other than 7 and 13, handled offline; closed when the offline work is done.',
      actors: OFFICERS,
      hooks: { monitoring: [nextActionReminder] },
    },
    {
      code: 'DISMISSAL',
      label: 'Dismissal',
      kind: 'final',
      description: 'The court dismissed the bankruptcy; normal collection resumes.',
      actors: [],
      hooks: { enterProcessing: cleanUp },
    },
    {
      code: 'CANCELLED',
      label: 'Cancel bankruptcy',
      kind: 'final',
      description: 'Cancelled: details invalid, customer found solvent, or the court did not accept the case.',
      actors: [],
      hooks: { enterProcessing: cleanUp },
    },
    {
      code: 'CLOSED',
      label: 'Closed',
      kind: 'final',
      description: 'Every account is paid off or charged off; bankruptcy references are removed.',
      actors: [],
      hooks: { enterProcessing: cleanUp },
    },
  ],
  transitions: [
    followUp('PENDING', 'BK_SETUP'),
    followUp('PENDING', 'DISMISSAL'),
    followUp('BK_SETUP', 'MANAGE_CH7'),
    followUp('BK_SETUP', 'MANAGE_CH13'),
    followUp('BK_SETUP', 'OTHER_BK'),
    followUp('BK_SETUP', 'POST_DISCH_CH7'),
    followUp('BK_SETUP', 'POST_DISCH_CH13'),
    followUp('BK_SETUP', 'DISMISSAL'),
    followUp('MANAGE_CH7', 'POST_DISCH_CH7'),
    followUp('MANAGE_CH7', 'DISMISSAL'),
    followUp('MANAGE_CH7', 'MANAGE_CH13'),
    followUp('MANAGE_CH7', 'OTHER_BK'),
    followUp('MANAGE_CH13', 'POST_DISCH_CH13'),
    followUp('MANAGE_CH13', 'DISMISSAL'),
    followUp('MANAGE_CH13', 'MANAGE_CH7'),
    followUp('MANAGE_CH13', 'OTHER_BK'),
    followUp('POST_DISCH_CH7', 'CLOSED'),
    followUp('POST_DISCH_CH13', 'CLOSED'),
    followUp('OTHER_BK', 'CLOSED'),
    followUp('*', 'CANCELLED'),
  ],
  actions: [
    {
      code: 'planNextActionDate',
      label: 'Plan next action date',
      roles: OFFICERS,
      statuses: ['PENDING'],
      results: [
        {
          code: 'planned',
          label: 'Next action planned: start the bankruptcy setup',
          effects: [],
          fields: [dateField('nextActionDate', 'Next action date')],
          next: 'BK_SETUP',
        },
      ],
    },
    {
      code: 'setNextActionDate',
      label: 'Set the next action date',
      roles: OFFICERS,
      statuses: WORKED,
      results: [
        {
          code: 'planned',
          label: 'Next action planned',
          effects: [],
          fields: [dateField('nextActionDate', 'Next action date')],
        },
      ],
    },
    {
      code: 'recordCaseDetails',
      label: 'Record bankruptcy details',
      roles: OFFICERS,
      statuses: ['*'],
      results: [
        {
          code: 'details_recorded',
          label: 'Details recorded',
          effects: [],
          fields: [
            textField('trusteeName', 'Trustee name', false),
            textField('trusteePhone', 'Trustee phone', false),
            textField('trusteeEmail', 'Trustee email', false),
            textField('trusteeContactName', 'Trustee point of contact', false),
            textField('legalCounsel', 'Lender’s legal counsel', false),
            dateField('legalCounselAssignedOn', 'Date assigned to legal counsel', false),
            dateField('hearing341Date', 'Date of 341 hearing', false),
            textField('hearing341Location', 'Location of 341 hearing', false),
            amountField('totalMarketValuationCents', 'Total market valuation of collateral', false),
            dateField('marketValuationDate', 'Date of market valuation', false),
          ],
        },
      ],
    },
    {
      code: 'determineChapter',
      label: 'Record the chapter (chapter and asset analysis)',
      roles: OFFICERS,
      statuses: ['BK_SETUP'],
      results: [
        {
          code: 'chapter_determined',
          label: 'Chapter determined',
          effects: ['recordNote'],
          fields: [CHAPTER],
          nextBy: BY_CHAPTER,
        },
      ],
    },
    {
      code: 'convertChapter',
      label: 'Record a chapter conversion',
      roles: OFFICERS,
      statuses: MANAGE,
      results: [
        {
          code: 'converted',
          label: 'Chapter converted',
          effects: ['recordNote'],
          fields: [CHAPTER, dateField('conversionDate', 'Conversion date')],
          nextBy: BY_CHAPTER,
        },
      ],
    },
    {
      code: 'dischargeAtSetup',
      label: 'Discharge received',
      roles: OFFICERS,
      statuses: ['BK_SETUP'],
      results: [
        {
          code: 'discharge_received',
          label: 'Discharge received (notice uploaded)',
          effects: [],
          fields: [dateField('dischargeDate', 'Discharge date'), { ...CHAPTER, required: false }],
          nextBy: { field: 'chapter', map: { '7': 'POST_DISCH_CH7', '13': 'POST_DISCH_CH13' }, otherwise: 'OTHER_BK' },
        },
      ],
    },
    {
      code: 'dischargeCh7',
      label: 'Discharge received',
      roles: OFFICERS,
      statuses: ['MANAGE_CH7'],
      results: [
        {
          code: 'discharge_received',
          label: 'Discharge received (notice uploaded)',
          effects: [],
          fields: [dateField('dischargeDate', 'Discharge date')],
          next: 'POST_DISCH_CH7',
        },
      ],
    },
    {
      code: 'dischargeCh13',
      label: 'Discharge received',
      roles: OFFICERS,
      statuses: ['MANAGE_CH13'],
      results: [
        {
          code: 'discharge_received',
          label: 'Discharge received (notice uploaded)',
          effects: [],
          fields: [dateField('dischargeDate', 'Discharge date')],
          next: 'POST_DISCH_CH13',
        },
      ],
    },
    {
      code: 'dismissalReceived',
      label: 'Dismissal received',
      roles: OFFICERS,
      statuses: ['PENDING', 'BK_SETUP', ...MANAGE],
      results: [
        {
          code: 'dismissal_received',
          label: 'Dismissal received (notice uploaded)',
          effects: [],
          fields: [dateField('dateOfDismissal', 'Date of dismissal')],
          next: 'DISMISSAL',
        },
      ],
    },
    {
      code: 'closeBankruptcyCase',
      label: 'Close bankruptcy case',
      roles: OFFICERS,
      statuses: ['POST_DISCH_CH7', 'POST_DISCH_CH13', 'OTHER_BK'],
      results: [
        {
          code: 'closed',
          label: 'All accounts paid off or charged off',
          effects: ['setClosureReason'],
          next: 'CLOSED',
        },
      ],
    },
    {
      code: 'cancelBankruptcy',
      label: 'Cancel bankruptcy',
      roles: OFFICERS,
      statuses: ['*'],
      results: [
        {
          code: 'cancelled',
          label: 'Cancelled',
          effects: ['setClosureReason'],
          fields: [
            choiceField('cancellationReason', 'Cancellation reason', [
              'invalid_details',
              'customer_solvent',
              'not_accepted_by_court',
            ]),
          ],
          next: 'CANCELLED',
        },
      ],
    },
    recordPaymentAction(),
    // Chapter 13 stops: proof of claim, debtor's proposed plan, confirmed plan.
    stop(
      'stopProofOfClaim',
      'Stop: proof of claim',
      ['MANAGE_CH13'],
      [
        ['poc_in_progress', 'Proof of claim in progress', [yesField('pocRequired', 'Proof of claim required?')]],
        ['poc_not_required', 'Proof of claim not required'],
        [
          'poc_requested',
          'Proof of claim requested',
          [dateField('pocRequestSentOn', 'Date PoC request sent to counsel')],
        ],
        ['poc_filed', 'Proof of claim filed', [dateField('pocFiledOn', 'Date PoC filed')]],
      ],
    ),
    stop(
      'stopProposedPlan',
      'Stop: debtor’s proposed plan',
      ['MANAGE_CH13'],
      [
        ['waiting_for_proposed_plan', 'Waiting for proposed plan'],
        [
          'proposed_plan_accepted',
          'Proposed plan accepted',
          [
            amountField('debtorValuationCents', 'Debtor’s collateral valuation'),
            amountField('lenderValuationCents', 'Lender’s collateral valuation'),
            { name: 'cramdownRatePct', label: 'Cramdown interest rate (%)', type: 'number', required: false },
          ],
        ],
        [
          'proposed_plan_objected',
          'Proposed plan objected (objection score above threshold)',
          [
            amountField('debtorValuationCents', 'Debtor’s collateral valuation'),
            amountField('lenderValuationCents', 'Lender’s collateral valuation'),
            { name: 'objectionScorePct', label: 'Objection score (%)', type: 'number', required: true },
          ],
        ],
      ],
    ),
    stop(
      'stopConfirmedPlan',
      'Stop: confirmed plan',
      ['MANAGE_CH13'],
      [
        [
          'monitor_confirmed_plan',
          'Monitor confirmed plan (plan captured as a promise)',
          [dateField('confirmedPlanLastPaymentDate', 'Last payment date in confirmed plan')],
          ['recordPromise'],
        ],
        ['file_rfs', 'File relief from stay'],
        ['confirmed_plan_broken', 'Confirmed plan broken'],
        ['waiting_for_confirmed_plan', 'Waiting for confirmed plan'],
        ['confirmed_plan_kept', 'Confirmed plan kept'],
        ['confirmed_plan_charge_off', 'Confirmed plan: charge off the remainder'],
        ['monitor_contractual_payment', 'Monitor contractual payments'],
      ],
    ),
    // Chapter 7 stops; from collateral return on, chapter 13 shares them.
    stop(
      'stopReaffirmation',
      'Stop: reaffirmation',
      ['MANAGE_CH7'],
      [
        [
          'wait_for_reaffirmation',
          'Wait for reaffirmation agreement',
          [dateField('reaffirmationSentOn', 'Date agreement sent', false)],
        ],
        [
          'monitor_contractual_payments',
          'Monitor contractual payments (agreement received)',
          [
            dateField('reaffirmationSentOn', 'Date agreement sent'),
            dateField('reaffirmationReceivedOn', 'Date agreement received'),
          ],
        ],
        ['reaffirmation_not_applicable', 'Reaffirmation not applicable'],
        [
          'reaffirmation_broken',
          'Reaffirmation agreement broken',
          [dateField('reaffirmationReceivedOn', 'Date agreement received')],
        ],
        [
          'reaffirmation_broken_file_rfs',
          'Reaffirmation broken: file relief from stay',
          [dateField('reaffirmationReceivedOn', 'Date agreement received')],
        ],
        [
          'reaffirmation_rescinded',
          'Reaffirmation rescinded',
          [dateField('reaffirmationRescindedOn', 'Date agreement rescinded')],
        ],
      ],
    ),
    stop('stopCollateralReturn', 'Stop: collateral return', MANAGE, [
      [
        'proceed_to_repossession',
        'Proceed to repossession',
        [dateField('collateralSurrenderedOn', 'Date of collateral surrender')],
      ],
      ['proceed_to_rfs', 'Proceed to filing relief from stay'],
      ['wait_for_discharge_notice', 'Wait for discharge notice'],
    ]),
    stop('stopReliefFromStay', 'Stop: relief from stay', MANAGE, [
      ['rfs_in_progress', 'RFS in progress'],
      [
        'rfs_outcome_waiting',
        'RFS outcome waiting',
        [
          dateField('rfsRequestedOn', 'Date relief from stay requested'),
          dateField('rfsNextHearingDate', 'Next hearing date', false),
        ],
      ],
      ['rfs_granted', 'RFS granted', [dateField('rfsOutcomeOn', 'Date of RFS outcome')]],
      ['rfs_rejected', 'RFS rejected', [dateField('rfsOutcomeOn', 'Date of RFS outcome')]],
      ['rfs_drop_dead_order', 'RFS outcome: drop-dead order', [dateField('rfsOutcomeOn', 'Date of RFS outcome')]],
      [
        'rfs_rejected_confirmed_plan',
        'RFS rejected: back to the confirmed plan (chapter 13)',
        [dateField('rfsOutcomeOn', 'Date of RFS outcome')],
      ],
    ]),
    stop('stopDropDeadOrder', 'Stop: drop-dead order', MANAGE, [
      ['waiting_for_drop_dead_order', 'Waiting for drop-dead order'],
      [
        'monitor_drop_dead_repayment',
        'Monitor repayment as drop-dead (plan captured as a promise)',
        [dateField('dropDeadOrderReceivedOn', 'Date drop-dead order received')],
        ['recordPromise'],
      ],
      ['drop_dead_broken_repossession', 'Drop-dead order broken: repossession'],
    ]),
    stop('stopRepossession', 'Stop: repossession', MANAGE, [
      ['repossession_in_progress', 'Repossession in progress'],
      [
        'repossession_completed',
        'Repossession completed',
        [amountField('totalLiquidationAmountCents', 'Total liquidation amount')],
      ],
    ]),
    stop('stopPreClosure', 'Stop: pre-closure activities', MANAGE, [
      ['waiting_for_discharge', 'Charge-off done: waiting for discharge'],
      ['waiting_for_charge_off', 'Waiting for charge-off completion'],
    ]),
  ],
});
