import type { AlgorithmRef, CaseTypeConfig } from '../types';
import {
  OFFICERS,
  system,
  followUp,
  manual,
  textField,
  dateField,
  amountField,
  choiceField,
  setCharacteristic,
  raiseTodo,
  closeTasks,
  zeroBalanceClose,
  requireCharacteristics,
  noteResult,
  todoAfterDays,
  recordPaymentAction,
  translated,
} from './build';

/**
 * Asset repossession and sale: one configuration for two chapters of the banking process guide the case types
 * follow (docs/domain.md): ch. 5 "Asset Repossession and Sale" (property) and ch. 9 "Asset Repossession and
 * Liquidation" (vehicles, US localisation); notes below name the chapter they read.
 * One case per collateral. Chapter 9's fuller path is the spine: assessment → referral and approval → setup
 * and vendor assignment → repossession in progress (voluntary surrender or not) → repossession closure
 * (redemption window) → liquidation setup → inspection → repair → sale → settlement of proceeds → liquidation
 * closure → closed. Chapter 5's statuses map onto it: Pending = Repossession Assessment, Effected Possession =
 * Repossession Closure, Under Repairs = Repair in Progress, Sale In Progress = Sale in Progress, Settlement =
 * Settlement, Completed = Closed, Cancelled = Repossession Cancelled; chapter 5's Withdrawn is kept, and its
 * short path (possession effected by the LSP or the customer → repairs or sale) is kept as extra follow-ups.
 *
 * Each status follows the guide's table for it; ch. 5's characteristics table (Table 5-39) gives the fields.
 */

const BEFORE_POSSESSION = ['REPO_ASSESSMENT', 'REPO_REFERRED', 'REPO_SETUP', 'REPO_IN_PROGRESS_VS', 'REPO_IN_PROGRESS'];
const AFTER_POSSESSION = ['REPO_CLOSURE', 'MANAGE_TRANSPORT', 'LIQ_SETUP', 'INSPECTION', 'REPAIR', 'SALE'];
const NO_ACTIVITY_TODOS = ['ARS_NO_ACTIVITY_L1', 'ARS_NO_ACTIVITY_L2'];
const VENDOR_TASKS = ['REPO_VENDOR_TASK_VS', 'REPO_VENDOR_TASK'];

/** Ch. 5 no-activity monitoring, the same in every interim status: 5 days level 1, 10 days level 2. */
const noActivity: AlgorithmRef[] = [
  todoAfterDays(
    5,
    'ARS_NO_ACTIVITY_L1',
    'Repossession: no activity for 5 days',
    'Ch. 5 no-activity monitoring: 5 days → To-Do ARS No Activity Level 1',
  ),
  todoAfterDays(
    10,
    'ARS_NO_ACTIVITY_L2',
    'Repossession: no activity for 10 days (supervisor)',
    'Ch. 5 no-activity monitoring: 10 days → To-Do ARS No Activity Level 2',
  ),
];
const closeNoActivity = (instance: string, extra: string[] = []): AlgorithmRef =>
  closeTasks(
    [...NO_ACTIVITY_TODOS, ...extra],
    `${instance} (C1-CLSTODO): close ARS No Activity Level 1 and 2${extra.length ? ' and ' + extra.join(', ') : ''}`,
  );
const valuationCheck = (instance: string): AlgorithmRef =>
  todoAfterDays(
    60,
    'REPO_COLLATERAL_VALUATION',
    'Initiate collateral valuation (last assessment older than 60 days)',
    `${instance} (C1-COLLVALX): Assessment Expiry Days 60, To-do Type Initiate Collateral Valuation`,
  );

const CONFIRMED = ['confirmed', 'not_required'];
const POSSESSION_TYPES = ['voluntary', 'warrant_of_possession', 'involuntary'];

export const assetRepossession: CaseTypeConfig = translated({
  id: 'asset_repossession',
  version: 1,
  name: 'Asset repossession and sale',
  description:
    'Repossession of one collateral (property or vehicle), its redemption or liquidation: repairs, sale, proceeds and closure.',
  readings: [
    'Merge of ch. 5 and ch. 9: ch. 9’s statuses are the spine (they are the finer ones); ch. 5’s Pending ≈ Repossession Assessment, Effected Possession ≈ Repossession Closure (possession effected, LMI and insurance follow-ups, redemption window), Under Repairs ≈ Repair in Progress, Sale In Progress and Settlement as named, Completed ≈ Closed (after Liquidation Closure), Cancelled ≈ Repossession Cancelled. Ch. 5’s Withdrawn (after possession or during sale) has no ch. 9 counterpart and is kept. Ch. 5’s direct moves Pending → Effected Possession ("Possession complete", e.g. a warrant executed through the LSP) and Effected Possession → Under Repairs / Sale In Progress are kept as follow-ups beside ch. 9’s path. Ch. 5’s Settlement → Completed runs through Liquidation Closure.',
    'Roles: ch. 5 Recovery Associate and ch. 9 Repossession, Liquidation, Transport, Auction/Sales, Collision and Proceeds Specialists are the bank’s own staff → recovery_officer (supervisor may act too); ch. 5 Recovery Supervisor / Manager and ch. 9 Late Collection (Repossession) Manager, who approves → supervisor; vendors (repossession agent, repo title agency, transport agency) → drc_admin / ro: the repossession vendor is placed as a DRC (assignDrc) at setup. Early / late collections teams and legal / bankruptcy processes only open the case.',
    'Transition modes: neither chapter has a matrix with modes beyond ch. 5’s "User" (4.5); every move the prose ties to a named result (Repossession Assessment, Repossession Approval, Repossession Setup, Repossession Progress, Manage Redemption, Liquidation Setup Actions, Manage Transport, Sales Rep Inspection, Manage Repairs, Manage Sale, Manage Proceeds, Liquidation Closure Activities, ch. 5’s mandatory follow-ups) is a follow-up; Cancel and Withdraw are manual with a reason; system transitions only where an algorithm moves the case (C1-REDCLRDT, C1-REDEPROC).',
    'C1-REPOAPRV auto-approval rule: no rule engine (gap); the supervisor approves every referral from a to-do.',
    'Setup → In Progress (Voluntary Surrender) or In Progress: the branch rule is not given; read as ch. 5’s Type of Possession (TPOFPOSS): voluntary → the voluntary-surrender status, warrant of possession or involuntary → the other.',
    'C1-VALTASKEX, exit validation of both In Progress statuses, "Repossession (Voluntary Surrender)" printed for both: the vendor task must be done before possession is recorded. Placed as enter validation of Repossession Closure (tasksCompleted on both vendor tasks) so that a cancellation before possession is not blocked. It relies on users completing the vendor to-do. C1-REPOASAL (email the vendor) and C1-NOTRSTSK (notify on task completion) have no library algorithm (gap: notifications).',
    'Manage Transport target unclear: Manage Transport is read as a step of Liquidation Setup (result "Liquidation Setup Actions"); the vehicle goes back to Liquidation Setup when delivered. From Repossession Closure the specialist only records the transport request.',
    'C1-LIQSETCMP: title received and vehicle at the sale location → Inspection: the library cannot combine two conditions (gap); the specialist’s result that records both dates moves the case (F instead of S).',
    'Repair in Progress target unclear: read as ch. 5’s Under Repairs → Sale In Progress.',
    'Effected Possession / Settlement C1-CHARVALZ (AR004, AR005, AR014: fields required only for voluntary possession or only for a warrant): conditional requirements are a gap; the unconditional part is required (possession type and actual possession date to enter Repossession Closure; Table 5-39’s "mandatory for entry" fields for Under Repairs, Sale in Progress and Settlement).',
    'Table 5-39 contradictions (fields editable only in Sale in Progress yet hidden there; dates typed Number) are ignored: DebtX fields are captured by results, with sensible types (dates as dates, prices as amounts).',
    'C1-COLLVALX (AR008/AR010/AR012: valuation older than 60 days, no repeat within 30): read as a to-do after 60 days in the status (gap: the library cannot read the last valuation date or the cool-down).',
    'C1-INITLMI (AR019: shortfall above $1000 and an LMI policy → start an LMI claim case, else mark for strategy review): there is no LMI case type and no shortfall check (gap); leaving Settlement raises a to-do to start the LMI claim where it applies.',
    'Ch. 9 final statuses ("Remove the review dates" with Update Type = Set, offset 0) and ch. 5 collateral status and property updates (C1-UPCOLLSTX, C1-UPCOLPROP, value of the Cancelled one missing): review dates have no DebtX counterpart; collateral status and the "under repossession" property are characteristics (collateralStatus, collateralUnderRepossession; Cancelled resets the property, read as RESET).',
    'Ch. 9 Assessment checks (C1-VALDCOLL collateral valid, C1-CHKBKPTCY no open bankruptcy unless the reason is bankruptcy, C1-BLOCKREPO 270-day military service block): no conditional blocking or indicator-absence validation in the library (gap); collateral id and repossession reason are required creation fields, and "one open case per collateral" cannot be expressed with blockedBy (it works per account), so no blockedBy is set.',
    'Legal LG009 (the legal case cannot leave Judgement Enforcement while an ARS case is open): this case holds the account’s legal case from creation and releases it when it closes (C1-CSAMENTST). The hold also pauses the legal case’s non-litigation actions meanwhile.',
  ],
  category: 'AssetRepossession',
  level: 'account',
  crossCase: [
    {
      onEnter: 'REPO_ASSESSMENT',
      scope: 'account',
      caseTypes: ['legal_proceeding'],
      action: 'hold',
      reason: 'An asset repossession case is open on the account',
    },
    {
      onEnter: '*final',
      scope: 'account',
      caseTypes: ['legal_proceeding'],
      action: 'release',
      reason: 'The asset repossession case is closed',
    },
  ],
  creationFields: [
    textField('collateralId', 'Collateral to be repossessed'),
    textField('collateralDescription', 'Collateral description', false),
    choiceField('repossessionReason', 'Repossession reason', [
      'default',
      'voluntary_surrender',
      'legal_warrant',
      'bankruptcy',
      'other',
    ]),
    choiceField('possessionType', 'Type of possession', POSSESSION_TYPES),
    dateField('expectedPossessionDate', 'Expected possession date', false),
    choiceField(
      'typeOfOccupancy',
      'Type of occupancy',
      ['not_occupied', 'on_lease', 'rented', 'self_occupied', 'not_known'],
      false,
    ),
    textField('legalCaseId', 'Legal case id (warrant of possession)', false),
    dateField('demandLetterSentOn', 'Demand letter sent on', false),
    dateField('accelerationLetterSentOn', 'Acceleration letter sent on', false),
    dateField('accelerationLetterExpiresOn', 'Acceleration letter expires on', false),
  ],
  settings: {},
  statuses: [
    {
      code: 'REPO_ASSESSMENT',
      label: 'Repossession assessment',
      kind: 'initial',
      description:
        'The security interest and collateral are validated and assessed; letters must have expired before referral (ch. 9; ch. 5 Pending).',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          setCharacteristic(
            'collateralUnderRepossession',
            true,
            'AR021 (C1-UPCOLPROP): update collateral properties = SET',
          ),
        ],
        monitoring: [
          {
            algorithm: 'dateAlert',
            params: {
              field: 'accelerationLetterExpiresOn',
              daysBefore: 0,
              todo: {
                type: 'REPO_LETTERS_EXPIRED',
                label: 'Demand and acceleration letters expired: complete the assessment',
              },
            },
            note: 'C1-VALIDDLAL (monitoring): validate the demand / acceleration letter expiry date',
          },
          ...noActivity,
        ],
        exitProcessing: [closeNoActivity('AR003')],
      },
    },
    {
      code: 'REPO_REFERRED',
      label: 'Repossession referred',
      kind: 'interim',
      description: 'The assessment awaits the repossession manager’s approval.',
      actors: ['supervisor'],
      hooks: {
        enterValidation: [
          requireCharacteristics(
            ['demandLetterSentOn', 'accelerationLetterSentOn'],
            'C1-VALIDDLAL (enter validation): demand and acceleration letters have been sent',
          ),
        ],
        enterProcessing: [
          raiseTodo(
            'REPO_APPROVAL',
            'Approve or decline the repossession',
            'C1-REPOAPRV: approval task for the repossession queue',
          ),
        ],
        exitProcessing: [closeTasks(['REPO_APPROVAL'])],
      },
    },
    {
      code: 'REPO_SETUP',
      label: 'Repossession setup',
      kind: 'interim',
      description: 'The repossession vendor is selected and documents for the physical repossession uploaded.',
      actors: ['recovery_officer'],
      hooks: { monitoring: noActivity, exitProcessing: [closeNoActivity('ch. 5 pattern')] },
    },
    {
      code: 'REPO_IN_PROGRESS_VS',
      label: 'Repossession in progress (voluntary surrender)',
      kind: 'interim',
      description: 'The vendor collects the voluntarily surrendered asset.',
      actors: ['system', 'drc_admin', 'ro', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'REPO_VENDOR_TASK_VS',
            'Repossess the voluntarily surrendered asset and record the details',
            'C1-AUTOTASKC: Service Type Repossession, voluntary surrender repossession task',
          ),
        ],
        monitoring: noActivity,
        exitProcessing: [closeNoActivity('ch. 5 pattern')],
      },
    },
    {
      code: 'REPO_IN_PROGRESS',
      label: 'Repossession in progress',
      kind: 'interim',
      description: 'The vendor repossesses the asset.',
      actors: ['system', 'drc_admin', 'ro', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'REPO_VENDOR_TASK',
            'Repossess the asset and record the details',
            'C1-AUTOTASKC: Service Type Repossession',
          ),
        ],
        monitoring: noActivity,
        exitProcessing: [closeNoActivity('ch. 5 pattern')],
      },
    },
    {
      code: 'REPO_CLOSURE',
      label: 'Repossession closure (effected possession)',
      kind: 'interim',
      description:
        'Possession is effected; the collateral is marked repossessed, redemption letters go out, the title is obtained; the customer may redeem until the redemption clear date (ch. 9; ch. 5 Effected Possession).',
      actors: ['system', 'recovery_officer', 'drc_admin'],
      hooks: {
        enterValidation: [
          {
            algorithm: 'tasksCompleted',
            params: { taskTypes: VENDOR_TASKS },
            note: 'C1-VALTASKEX: the repossession task must be completed',
          },
          requireCharacteristics(
            ['possessionType', 'actualPossessionDate'],
            'AR004 / AR005 (C1-CHARVALZ), unconditional part',
          ),
        ],
        enterProcessing: [
          setCharacteristic(
            'collateralStatus',
            'repossessed',
            'AR007 (C1-UPCOLLSTX): collateral status in the host → Repossessed',
          ),
          raiseTodo(
            'REPO_REDEMPTION_LETTERS',
            'Send redemption letters on all associated accounts',
            'C1-REDEMPLTR: send redemption letters',
          ),
          raiseTodo(
            'REPO_TITLE',
            'Obtain the title in the bank’s name (repo title agency)',
            'C1-AUTOTASKC: Service Type Repossession Title',
          ),
        ],
        monitoring: [
          {
            algorithm: 'dateAlert',
            params: {
              field: 'redemptionClearDate',
              daysBefore: 0,
              todo: { type: 'REPO_REDEMPTION_OVER', label: 'Redemption period over: start liquidation' },
              moveTo: 'LIQ_SETUP',
            },
            note: 'C1-REDCLRDT: automatic movement to Liquidation Setup when the redemption clear date is reached',
          },
          valuationCheck('AR008'),
          ...noActivity,
        ],
        exitProcessing: [closeNoActivity('AR009')],
      },
    },
    {
      code: 'REDEMPTION_COMPLETE',
      label: 'Redemption complete',
      kind: 'interim',
      description: 'The customer redeemed; the case closes once every associated account is paid.',
      actors: ['system'],
      hooks: {
        enterValidation: [
          {
            algorithm: 'tasksCompleted',
            params: { taskTypes: ['REPO_TITLE', 'REPO_BILL_OF_LADING', 'REPO_MANAGE_TRANSPORT'] },
            note: 'C1-VALTASKCM: Repossession Title, Generate Bill Of Lading, Manage Transport tasks completed',
          },
        ],
        enterProcessing: [
          setCharacteristic(
            'redemptionPeriodOver',
            true,
            'CM_RMDP_SW (UDT_COL_LQDD): collateral "Redemption Period is Over"',
          ),
        ],
        monitoring: [
          zeroBalanceClose(
            'CLOSED',
            'CM_AR_OUTSZR (C1-REDEPROC): close when all associated accounts’ outstanding is 0',
          ),
        ],
      },
    },
    {
      code: 'MANAGE_TRANSPORT',
      label: 'Manage transport',
      kind: 'interim',
      description: 'The transport specialist moves the vehicle to the sale location.',
      actors: ['recovery_officer', 'drc_admin'],
      hooks: {
        enterProcessing: [
          raiseTodo('REPO_BILL_OF_LADING', 'Generate the bill of lading', 'Generate Bill Of Lading task'),
          raiseTodo('REPO_MANAGE_TRANSPORT', 'Transport the vehicle to the sale location', 'Manage Transport task'),
        ],
        exitProcessing: [closeTasks(['REPO_BILL_OF_LADING', 'REPO_MANAGE_TRANSPORT'])],
      },
    },
    {
      code: 'LIQ_SETUP',
      label: 'Liquidation setup',
      kind: 'interim',
      description:
        'Add-on insurances are cancelled, the title and the vehicle brought to the sale location, agencies paid.',
      actors: ['recovery_officer'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'REPO_CANCEL_ADDONS',
            'Cancel add-on insurances and warranties (A&H, credit life, extended warranty)',
            'C1-CREATTASK: Task Type Cancel Add On Insurances and Warranties',
          ),
        ],
      },
    },
    {
      code: 'INSPECTION',
      label: 'Inspection and conditioning',
      kind: 'interim',
      description: 'The sales representative inspects and values the asset and sets a floor price.',
      actors: ['recovery_officer'],
    },
    {
      code: 'REPAIR',
      label: 'Repair in progress (under repairs)',
      kind: 'interim',
      description:
        'Repairs are estimated, claimed from insurance above a threshold, reported to the LMI provider and done (ch. 9; ch. 5 Under Repairs).',
      actors: ['recovery_officer'],
      hooks: {
        enterValidation: [
          requireCharacteristics(
            ['actualPossessionDate', 'estimatedRepairCostCents'],
            'Table 5-39: mandatory for entry into Under Repairs',
          ),
        ],
        monitoring: [valuationCheck('AR010'), ...noActivity],
        exitProcessing: [closeNoActivity('AR011')],
      },
    },
    {
      code: 'SALE',
      label: 'Sale in progress',
      kind: 'interim',
      description:
        'The asset is auctioned or sold (real-estate agent, LSP, or bids); the LMI provider is told of the sale (ch. 9; ch. 5).',
      actors: ['recovery_officer'],
      hooks: {
        enterValidation: [
          requireCharacteristics(
            ['actualPossessionDate', 'reservePriceCents'],
            'Table 5-39: mandatory for entry into Sale in Progress',
          ),
        ],
        monitoring: [valuationCheck('AR012'), ...noActivity],
        exitProcessing: [closeNoActivity('AR013', ['REPO_COLLATERAL_VALUATION'])],
      },
    },
    {
      code: 'SETTLEMENT',
      label: 'Settlement',
      kind: 'interim',
      description:
        'The asset is sold; proceeds and expenses are applied to the accounts; a shortfall may lead to an LMI claim (ch. 9; ch. 5).',
      actors: ['recovery_officer'],
      hooks: {
        enterValidation: [
          requireCharacteristics(
            ['methodOfSale', 'saleContractType', 'contractSalePriceCents', 'settlementDueDate'],
            'Table 5-39: mandatory for entry into Settlement',
          ),
        ],
        enterProcessing: [
          setCharacteristic('collateralStatus', 'sold', 'AR015 (C1-UPCOLLSTX): collateral status in the host → Sold'),
        ],
        monitoring: noActivity,
        exitValidation: [
          requireCharacteristics(
            ['settlementAmountCents', 'lmiProviderUpdate', 'refundProcessed'],
            'AR016 (C1-VALSET) and the mandatory follow-ups LMI Provider Update / Refund Processed',
          ),
        ],
        exitProcessing: [
          raiseTodo(
            'REPO_LMI_CLAIM',
            'If the shortfall is above 1,000 and an LMI policy exists, start the LMI claim; otherwise review the account’s strategy',
            'AR019 (C1-INITLMI): Balance Threshold $1000, LMI Case Type LMICASE',
          ),
          closeNoActivity('AR018'),
        ],
      },
    },
    {
      code: 'LIQ_CLOSURE',
      label: 'Liquidation closure',
      kind: 'interim',
      description:
        'Charge-off or write-off of the remainder, insurance refunds and claims, any excess returned to the customer.',
      actors: ['recovery_officer'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'REPO_CHARGE_OFF',
            'Initiate the full charge-off or full write-off of the remaining balance',
            'Full Charge-Off or Full Write-Off tasks',
          ),
        ],
      },
    },
    {
      code: 'CLOSED',
      label: 'Closed',
      kind: 'final',
      description: 'Sold and settled, or redeemed by the customer (ch. 9; ch. 5 Completed).',
      actors: [],
      hooks: { enterProcessing: [closeTasks()] },
    },
    {
      code: 'REPO_CANCELLED',
      label: 'Repossession cancelled',
      kind: 'final',
      description:
        'Cancelled before possession: invalid security interest, or a recent payment makes it unnecessary (ch. 9; ch. 5).',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic(
            'collateralUnderRepossession',
            false,
            'C1-UPCOLPROP: update collateral property (value missing; read as RESET)',
          ),
          closeTasks(),
        ],
      },
    },
    {
      code: 'REPO_DECLINED',
      label: 'Repossession declined',
      kind: 'final',
      description: 'The repossession manager declined the repossession.',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic('collateralUnderRepossession', false, 'Nothing was repossessed'),
          closeTasks(),
        ],
      },
    },
    {
      code: 'WITHDRAWN',
      label: 'Withdrawn',
      kind: 'final',
      description:
        'Withdrawn after possession or during the sale, e.g. collateral redeemed or not commercial to pursue (ch. 5).',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic(
            'collateralStatus',
            'with_customer',
            'AR020 (C1-UPCOLLSTX): collateral status → With the Customer',
          ),
          setCharacteristic('collateralUnderRepossession', false, 'AR022 (C1-UPCOLPROP): RESET'),
          closeTasks(),
        ],
      },
    },
  ],
  transitions: [
    followUp('REPO_ASSESSMENT', 'REPO_REFERRED'),
    followUp('REPO_ASSESSMENT', 'REPO_CLOSURE'),
    followUp('REPO_REFERRED', 'REPO_SETUP'),
    followUp('REPO_REFERRED', 'REPO_DECLINED'),
    followUp('REPO_SETUP', 'REPO_IN_PROGRESS_VS'),
    followUp('REPO_SETUP', 'REPO_IN_PROGRESS'),
    followUp('REPO_IN_PROGRESS_VS', 'REPO_CLOSURE'),
    followUp('REPO_IN_PROGRESS', 'REPO_CLOSURE'),
    followUp('REPO_CLOSURE', 'REDEMPTION_COMPLETE'),
    system('REPO_CLOSURE', 'LIQ_SETUP'),
    followUp('REPO_CLOSURE', 'REPAIR'),
    followUp('REPO_CLOSURE', 'SALE'),
    system('REDEMPTION_COMPLETE', 'CLOSED'),
    followUp('LIQ_SETUP', 'MANAGE_TRANSPORT'),
    followUp('MANAGE_TRANSPORT', 'LIQ_SETUP'),
    followUp('LIQ_SETUP', 'INSPECTION'),
    followUp('INSPECTION', 'REPAIR'),
    followUp('INSPECTION', 'SALE'),
    followUp('REPAIR', 'SALE'),
    followUp('SALE', 'SETTLEMENT'),
    followUp('SETTLEMENT', 'LIQ_CLOSURE'),
    followUp('LIQ_CLOSURE', 'CLOSED'),
    ...BEFORE_POSSESSION.map((from) => manual(from, 'REPO_CANCELLED')),
    ...AFTER_POSSESSION.map((from) => manual(from, 'WITHDRAWN')),
  ],
  actions: [
    {
      code: 'repossessionAssessment',
      label: 'Repossession assessment',
      roles: OFFICERS,
      statuses: ['REPO_ASSESSMENT'],
      results: [
        { code: 'security_interest_valid', label: 'Security interest validated', effects: ['recordNote'] },
        {
          code: 'collateral_reviewed',
          label: 'Collateral information reviewed',
          effects: [],
          fields: [
            amountField('collateralValuationCents', 'Collateral valuation'),
            textField('valuationSource', 'Valuation source (e.g. KBB, NADA, valuer)'),
          ],
        },
        {
          code: 'letters_sent',
          label: 'Demand and acceleration letters sent',
          effects: [],
          fields: [
            dateField('demandLetterSentOn', 'Demand letter sent on'),
            dateField('accelerationLetterSentOn', 'Acceleration letter sent on'),
            dateField('accelerationLetterExpiresOn', 'Letters expire on'),
          ],
        },
        noteResult('assessment_complete', 'Assessment complete: refer', 'REPO_REFERRED'),
        {
          code: 'possession_complete',
          label: 'Possession complete (ch. 5: surrendered or warrant executed)',
          effects: ['recordNote'],
          fields: [dateField('actualPossessionDate', 'Actual possession date')],
          next: 'REPO_CLOSURE',
        },
      ],
    },
    {
      code: 'repossessionApproval',
      label: 'Repossession approval',
      roles: ['supervisor'],
      statuses: ['REPO_REFERRED'],
      results: [
        noteResult('approved', 'Approved', 'REPO_SETUP'),
        { code: 'declined', label: 'Declined', effects: ['setClosureReason'], next: 'REPO_DECLINED' },
      ],
    },
    {
      code: 'repossessionSetup',
      label: 'Repossession setup: assign the repossession vendor',
      roles: OFFICERS,
      statuses: ['REPO_SETUP'],
      results: [
        {
          code: 'setup_complete',
          label: 'Vendor assigned, documents uploaded',
          effects: ['assignDrc'],
          fields: [choiceField('possessionType', 'Type of possession (if changed)', POSSESSION_TYPES, false)],
          nextBy: { field: 'possessionType', map: { voluntary: 'REPO_IN_PROGRESS_VS' }, otherwise: 'REPO_IN_PROGRESS' },
        },
      ],
    },
    {
      code: 'assignRo',
      label: 'Assign to a vendor officer',
      roles: ['drc_admin'],
      statuses: ['REPO_IN_PROGRESS_VS', 'REPO_IN_PROGRESS', 'REPO_CLOSURE'],
      results: [{ code: 'assigned', label: 'Assigned', effects: ['assignRo'] }],
    },
    {
      code: 'vendorUpdate',
      label: 'Vendor update',
      roles: ['drc_admin', 'ro'],
      statuses: ['REPO_IN_PROGRESS_VS', 'REPO_IN_PROGRESS', 'REPO_CLOSURE'],
      results: [
        {
          code: 'repossessed',
          label: 'Asset repossessed',
          effects: [],
          fields: [
            dateField('repossessedOn', 'Repossessed on'),
            textField('repossessedFrom', 'Repossessed from (state / address)'),
          ],
        },
        { code: 'attempt_failed', label: 'Attempt failed', effects: ['recordNote'] },
        { code: 'title_obtained', label: 'Title obtained in the bank’s name', effects: ['recordNote'] },
      ],
    },
    {
      code: 'repossessionProgress',
      label: 'Repossession progress',
      roles: OFFICERS,
      statuses: ['REPO_IN_PROGRESS_VS', 'REPO_IN_PROGRESS'],
      results: [
        { code: 'in_progress', label: 'Progress checked', effects: ['recordNote'] },
        {
          code: 'complete',
          label: 'Repossession complete',
          effects: ['recordNote'],
          fields: [
            dateField('actualPossessionDate', 'Actual possession date'),
            dateField('redemptionClearDate', 'Redemption clear date', false),
          ],
          next: 'REPO_CLOSURE',
        },
      ],
    },
    {
      code: 'possessionFollowUp',
      label: 'Effected possession follow-up',
      roles: OFFICERS,
      statuses: ['REPO_CLOSURE'],
      results: [
        {
          code: 'lmi_and_insurance',
          label: 'LMI provider and insurance followed up',
          effects: [],
          fields: [
            choiceField('lmiRepossessionUpdate', 'Confirmed repossession with the LMI provider', CONFIRMED),
            choiceField('insuranceObtained', 'Insurance obtained', ['obtained', 'not_required']),
          ],
        },
        {
          code: 'redemption_date',
          label: 'Redemption clear date set or overridden',
          effects: [],
          fields: [
            dateField('redemptionClearDate', 'Redemption clear date'),
            amountField('redemptionAmountCents', 'Redemption amount (with repossession fees)', false),
          ],
        },
        {
          code: 'redeemed',
          label: 'Customer redeemed',
          effects: ['recordPayment'],
          next: 'REDEMPTION_COMPLETE',
        },
        {
          code: 'repairs_needed',
          label: 'Repairs needed (property)',
          effects: [],
          fields: [amountField('estimatedRepairCostCents', 'Estimated repair cost')],
          next: 'REPAIR',
        },
        {
          code: 'to_sale',
          label: 'To sale (property)',
          effects: [],
          fields: [amountField('reservePriceCents', 'Reserve price')],
          next: 'SALE',
        },
      ],
    },
    {
      code: 'liquidationSetupActions',
      label: 'Liquidation setup actions',
      roles: OFFICERS,
      statuses: ['LIQ_SETUP'],
      results: [
        {
          code: 'transport_needed',
          label: 'Transport to the sale location needed',
          effects: [],
          fields: [textField('transportRequest', 'Transport request (from, to, agency)')],
          next: 'MANAGE_TRANSPORT',
        },
        { code: 'agency_paid', label: 'Repo / title / transport agency paid', effects: ['recordNote'] },
        {
          code: 'ready_for_inspection',
          label: 'Title received and vehicle at the sale location',
          effects: [],
          fields: [
            dateField('titleReceivedOn', 'Title received on'),
            dateField('atSaleLocationOn', 'At the sale location on'),
          ],
          next: 'INSPECTION',
        },
      ],
    },
    {
      code: 'manageTransport',
      label: 'Manage transport',
      roles: ['recovery_officer', 'drc_admin'],
      statuses: ['MANAGE_TRANSPORT'],
      results: [
        {
          code: 'in_transit',
          label: 'Bill of lading issued',
          effects: [],
          fields: [
            textField('billOfLadingNumber', 'Bill of lading number'),
            dateField('expectedDeliveryDate', 'Expected delivery date'),
          ],
        },
        {
          code: 'delivered',
          label: 'Delivered to the sale location',
          effects: [],
          fields: [textField('stockNumber', 'Stock number'), dateField('atSaleLocationOn', 'Actual delivery date')],
          next: 'LIQ_SETUP',
        },
      ],
    },
    {
      code: 'salesRepInspection',
      label: 'Sales rep inspection',
      roles: ['recovery_officer'],
      statuses: ['INSPECTION'],
      results: [
        {
          code: 'repairs_needed',
          label: 'Repairs needed',
          effects: [],
          fields: [
            amountField('reservePriceCents', 'Floor (reserve) price'),
            amountField('estimatedRepairCostCents', 'Estimated repair cost'),
            textField('conditionReport', 'Condition report'),
          ],
          next: 'REPAIR',
        },
        {
          code: 'ready_for_sale',
          label: 'Ready for sale',
          effects: [],
          fields: [
            amountField('reservePriceCents', 'Floor (reserve) price'),
            textField('conditionReport', 'Condition report'),
          ],
          next: 'SALE',
        },
      ],
    },
    {
      code: 'manageRepairs',
      label: 'Manage repairs',
      roles: ['recovery_officer'],
      statuses: ['REPAIR'],
      results: [
        {
          code: 'lmi_repairs',
          label: 'Repairs reported to the LMI provider',
          effects: [],
          fields: [choiceField('lmiRepairsUpdate', 'Confirmed repairs with the LMI provider', CONFIRMED)],
        },
        {
          code: 'insurance_claimed',
          label: 'Repair cost above threshold: insurance claimed',
          effects: [],
          fields: [amountField('insuranceClaimCents', 'Insurance claim')],
        },
        {
          code: 'repair_complete',
          label: 'Repair complete',
          effects: ['recordNote'],
          fields: [amountField('reservePriceCents', 'Reserve price', false)],
          next: 'SALE',
        },
      ],
    },
    {
      code: 'manageSale',
      label: 'Manage sale',
      roles: ['recovery_officer'],
      statuses: ['SALE'],
      results: [
        { code: 'bid_received', label: 'Bid or auction details recorded', effects: ['recordNote'] },
        {
          code: 'sold',
          label: 'Sold',
          effects: [],
          fields: [
            choiceField('methodOfSale', 'Method of sale', [
              'auction',
              'expression_of_interest',
              'tender',
              'private_treaty',
              'other',
            ]),
            choiceField('saleContractType', 'Sale contract type', ['conditional', 'unconditional']),
            amountField('contractSalePriceCents', 'Contract sale price'),
            amountField('depositAmountCents', 'Deposit amount', false),
            dateField('depositReceivedOn', 'Deposit received on', false),
            dateField('settlementDueDate', 'Settlement due date'),
            textField('conveyancerDetails', 'Conveyancer / contractor details', false),
            choiceField('lmiSaleUpdate', 'LMI provider told of the sale', CONFIRMED),
          ],
          next: 'SETTLEMENT',
        },
      ],
    },
    {
      code: 'manageProceeds',
      label: 'Manage proceeds',
      roles: ['recovery_officer'],
      statuses: ['SETTLEMENT'],
      results: [
        {
          code: 'proceeds_applied',
          label: 'Net proceeds applied to the account',
          effects: ['recordPayment'],
          fields: [amountField('settlementAmountCents', 'Settlement amount')],
        },
        {
          code: 'follow_ups_done',
          label: 'LMI provider and refund follow-ups',
          effects: [],
          fields: [
            choiceField('lmiProviderUpdate', 'LMI provider update done', CONFIRMED),
            choiceField('refundProcessed', 'Refund processed', ['processed', 'not_required']),
          ],
        },
        noteResult('settled', 'Settlement complete', 'LIQ_CLOSURE'),
      ],
    },
    {
      code: 'liquidationClosure',
      label: 'Liquidation closure activities',
      roles: OFFICERS,
      statuses: ['LIQ_CLOSURE'],
      results: [
        { code: 'activity', label: 'Refund, claim or excess return recorded', effects: ['recordNote'] },
        { code: 'closed', label: 'Closure activities complete', effects: ['setClosureReason'], next: 'CLOSED' },
      ],
    },
    recordPaymentAction(),
  ],
});
