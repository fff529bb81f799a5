import type { AlgorithmRef, CaseTypeConfig, TransitionDef } from '../types';
import {
  OFFICERS,
  system,
  followUp,
  type MatrixCell,
  textField,
  dateField,
  amountField,
  yesField,
  choiceField,
  setCharacteristic,
  raiseTodo,
  zeroBalanceClose,
  noteResult,
  fromMatrix,
  closeTasks,
  todoAfterDays,
  recordPaymentAction,
  debtSaleAction,
  translated,
} from './build';

/**
 * Internal recovery (after ch. 10 of the banking process guide, docs/domain.md): the bank's internal recovery team
 * follows up a charged-off account. A specialist reviews it; collectors contact the customer; settlement offers,
 * promises, suspensions, skip tracing and disputes are worked; a supervisor reviews referrals and recommends
 * write-off or debt sale; the case closes when the account is paid off, settled and written off, written off, sold,
 * or when another case closes it.
 *
 * The transition matrix is the guide's Figure 10–3 (heavily garbled in print; the cell-by-cell reading is in MATRIX
 * below). Each status follows the guide's table for it.
 */

/** Figure 10–3 as printed (S system, F follow-up; X cells left out). Rows are "from", keys "to". */
const MATRIX: Record<string, Record<string, MatrixCell>> = {
  REVIEW: {
    CONTACT: 'F',
    CONTACT_ALT: 'F',
    UNDER_RESOLUTION: 'S',
    SUSPEND: 'S',
    SUPERVISOR_REVIEW: 'F',
    SKIP_TRACE: 'F',
    CLOSED_CANCELLED: 'S',
  },
  UNDER_SETTLEMENT_OFFER: {
    REVIEW: 'S',
    CONTACT: 'S',
    CONTACT_ALT: 'S',
    UNDER_RESOLUTION: 'S',
    SUSPEND: 'S,F',
    SUPERVISOR_REVIEW: 'F',
    DISPUTE: 'F',
    CLOSED_CANCELLED: 'S',
  },
  // The Contact row is the most garbled; it is read by analogy with Contact Alternate.
  CONTACT: {
    REVIEW: 'S',
    UNDER_SETTLEMENT_OFFER: 'S',
    CONTACT_ALT: 'F',
    UNDER_RESOLUTION: 'S',
    SUSPEND: 'S,F',
    SUPERVISOR_REVIEW: 'F',
    SKIP_TRACE: 'S',
    DISPUTE: 'F',
    CLOSED_PAID_OFF: 'S',
    CLOSED_CANCELLED: 'S',
  },
  CONTACT_ALT: {
    REVIEW: 'S',
    UNDER_SETTLEMENT_OFFER: 'S',
    CONTACT: 'F',
    UNDER_RESOLUTION: 'S',
    SUSPEND: 'S,F',
    SUPERVISOR_REVIEW: 'F',
    SKIP_TRACE: 'S',
    DISPUTE: 'F',
    CLOSED_PAID_OFF: 'S',
    CLOSED_CANCELLED: 'S',
  },
  // Under Resolution → Write-off is printed "a" (illegible) and read as not allowed.
  UNDER_RESOLUTION: {
    UNDER_SETTLEMENT_OFFER: 'S',
    CONTACT: 'S',
    CONTACT_ALT: 'S',
    SUSPEND: 'S,F',
    SUPERVISOR_REVIEW: 'F',
    DISPUTE: 'F',
    SETTLED: 'S',
    CLOSED_PAID_OFF: 'S',
    CLOSED_CANCELLED: 'S',
  },
  WRITE_OFF: { SUPERVISOR_REVIEW: 'F', CLOSED_WRITTEN_OFF: 'S', CLOSED_CANCELLED: 'S' },
  SUSPEND: {
    REVIEW: 'S',
    CONTACT: 'F',
    CONTACT_ALT: 'F',
    SUPERVISOR_REVIEW: 'F',
    DISPUTE: 'F',
    CLOSED_PAID_OFF: 'S',
    CLOSED_CANCELLED: 'S',
  },
  // Supervisor Review → Contact is blank and read as F, like → Contact Alternate.
  SUPERVISOR_REVIEW: {
    REVIEW: 'F',
    UNDER_SETTLEMENT_OFFER: 'S',
    CONTACT: 'F',
    CONTACT_ALT: 'F',
    WRITE_OFF: 'F',
    SUSPEND: 'F',
    DEBT_SALE: 'F',
    SKIP_TRACE: 'F',
    DISPUTE: 'F',
    CLOSED_PAID_OFF: 'S',
    CLOSED_CANCELLED: 'S',
  },
  DEBT_SALE: { SUPERVISOR_REVIEW: 'F', CLOSED_SOLD: 'S', CLOSED_CANCELLED: 'S' },
  SKIP_TRACE: {
    REVIEW: 'S',
    UNDER_SETTLEMENT_OFFER: 'S',
    CONTACT: 'F',
    CONTACT_ALT: 'F',
    SUPERVISOR_REVIEW: 'F',
    DISPUTE: 'F',
    CLOSED_PAID_OFF: 'S',
    CLOSED_CANCELLED: 'S',
  },
  DISPUTE: { REVIEW: 'S', CONTACT: 'F', CONTACT_ALT: 'F', SUPERVISOR_REVIEW: 'F', CLOSED_CANCELLED: 'S' },
  SETTLED: { CLOSED_SETTLED_WO: 'S', CLOSED_CANCELLED: 'S' },
  // Every closed status has S → Review (a reopen); final statuses are terminal in DebtX, so those cells are left out.
};

/**
 * Cells the status algorithm tables need but the matrix does not have (see readings): C1-TSOF in Review,
 * C1-DISMON in Dispute, and promises recorded as results (C1-TTURS has no library algorithm).
 */
const ADDED: TransitionDef[] = [
  system('REVIEW', 'UNDER_SETTLEMENT_OFFER'),
  system('DISPUTE', 'CONTACT'),
  followUp('REVIEW', 'UNDER_RESOLUTION'),
  followUp('CONTACT', 'UNDER_RESOLUTION'),
  followUp('CONTACT_ALT', 'UNDER_RESOLUTION'),
];

/** C1-TSOF "Transition the case to Under Settlement Offer Status if Active Settlement Offer Flag is Yes". */
const ACTIVE_OFFER = { guard: 'characteristicEquals', params: { field: 'activeSettlementOffer', value: true } };

const suspendOnIndicators: AlgorithmRef = {
  algorithm: 'indicatorWatch',
  params: {
    indicators: ['suspend', 'cease_and_desist', 'bankruptcy', 'deceased', 'hardship'],
    moveTo: 'SUSPEND',
    todo: { type: 'IR_SUSPENDED', label: 'Recovery suspended by a warning or risk indicator: check the reason' },
  },
  note: 'IR_CM_SUSP / IR_CM_CESUS (C1-ECTTSS): account and party warning indicators → Suspended Status, Task Type',
};
const paidOff: AlgorithmRef = zeroBalanceClose(
  'CLOSED_PAID_OFF',
  'Cure Monitor Batch: the customer paid off the entire outstanding (10.4.14)',
);
const paidOffCancelled: AlgorithmRef = zeroBalanceClose(
  'CLOSED_CANCELLED',
  'Pay Off Monitor: "the account is paid off" → Closed Cancelled (10.4.17), where the matrix has no S to Closed Paid-off',
);
const skipTraceOnFailures: AlgorithmRef = {
  algorithm: 'unreachable',
  params: { consecutiveFailures: 5, moveTo: 'SKIP_TRACE' },
  note: 'IR_CM_SKFLD (C1-ECISTITN) seq 40: Consecutive Failed Contacts (X) → Skip Tracing Status',
};
const tooLongIn = (type: string, label: string, note: string): AlgorithmRef => todoAfterDays(14, type, label, note);

const CONTACTS = ['CONTACT', 'CONTACT_ALT'];

export const internalRecovery: CaseTypeConfig = translated({
  id: 'internal_recovery',
  version: 1,
  name: 'Internal recovery',
  description:
    'The bank’s internal recovery team works a charged-off account: contact, settlement offers, promises, supervisor review, write-off or debt sale.',
  readings: [
    'Roles: Recovery Collector → recovery_officer; Recovery Specialist (initial review) → recovery_officer, as DebtX’s recovery officers are the section’s own staff; Recovery Supervisor, Debt Sale Team, Skip Tracing Team and Dispute Management Team → supervisor (in DebtX write-off and debt sale are supervisor approvals).',
    'Figure 10–3 is OCR-garbled. The Contact row is reconstructed by analogy with Contact Alternate; Supervisor Review → Contact (blank) is read as F; Under Resolution → Write-off ("a") as not allowed. The X in Review → Under Settlement Offer contradicts Review’s monitoring table (CM_UNDRSO / C1-TSOF): the algorithm table wins and the system transition is added; likewise Dispute → Contact for C1-DISMON where the matrix has F.',
    'Figure 10–3: every closed status has S back to Review (a reopen, never explained). DebtX final statuses are terminal, so those cells are left out; a new delinquency opens a new case.',
    'Figure 10–3: S cells that no algorithm of the status tables takes (e.g. Contact / Suspend / Skip Trace / Dispute → Review) are kept as guardless system transitions; no DebtX algorithm takes them (they are there for an implementation to configure, as the guide intends).',
    'The guide’s Contact and Contact Alternate descriptions look swapped against ch. 8: Contact is read as the dialer-driven contact of the borrower (result "Outbound Call") and Contact Alternate as manual contact of third parties and attorneys ("Outbound Call Alternate").',
    'C1-TSOF (Active Settlement Offer Flag = Y → Under Settlement Offer) is the guard characteristicEquals activeSettlementOffer = true on the system transitions into Under Settlement Offer. The flag is captured when an offer is made and cleared on leaving Under Settlement Offer, so a rejected or expired offer does not bring the case straight back.',
    'C1-MONUS: the customer’s response is captured as offerStatus accepted / rejected (a choice field, because a result cannot set a constant); settlementOfferWatch then moves accepted → Under Resolution, rejected or expired → Contact. The task C1-MONUS raises on expiry has no parameter in settlementOfferWatch (gap).',
    'C1-TTURS (PTP agreed → Under Resolution) has no condition algorithm: the promise result follows up to Under Resolution (F cells added beside the matrix’s S).',
    'Under Resolution, C1-RCFR: a final-settlement PTP kept → Settled (marked for write-off). DebtX’s zeroBalanceClose cannot tell a discounted settlement from a full payment (gap), so reaching zero due in Under Resolution goes to Settled; Settled then mirrors billing: closed_settled or closed_written_off → Closed Settled & Written Off, closed (paid in full, nothing to write off) → Closed Cancelled ("account is paid off"). A broken promise or an overdue settlement instalment resumes contact.',
    'Closed Paid-off (Cure Monitor) and Closed Cancelled (Pay Off Monitor or CSAM) both mention pay-off. Paid off in a status whose matrix row allows S → Closed Paid-off goes there; elsewhere it goes to Closed Cancelled. Closure by another case (CSAM) is Closed Cancelled (closedByOtherCase).',
    'Suspend: "Create worklist for the case if … suspended status for more than 7 days" → afterDaysInStatus 7 days, work list ir_suspended_7_days. Skip Trace and Dispute "task if more than X days" (CS-MONITOR): X not given, 14 days.',
    'Debt Sale, C1-VDS: deceased WI, time-barred buffer, active service, outstanding amount, minors: the library has no debt-sale eligibility check (gap); enter validation noHold refuses the sale while a deceased or bankruptcy case holds the account. The sale itself closes the case through the account status (C1-TOAS: closed_sold → Closed Sold).',
    'IR_CM_SKIPTR (no contact points → Skip Trace) and C1-ECVCC / C1-ECDCI / C1-ECSC (contact cap, intensity, scheduling) have no library algorithm (gaps). C1-VPTP (PTP validation against the settlement offer) likewise.',
    'Dispute: C1-SETDISRI / C1-RSTDISRI set and remove the Dispute risk indicator; DebtX cannot write indicators back (gap), so a disputeIndicator characteristic is set on entry and cleared on exit.',
    'Review "Call to Cross Strategy Action Matrix": entering Review closes the account’s early-collections case (the account moved to recoveries). Deceased and bankruptcy cases hold this one; external recovery closes it when the account is placed with agencies.',
  ],
  category: 'RecoveryInternal',
  level: 'account',
  blockedBy: ['internal_recovery', 'external_recovery', 'bankruptcy', 'deceased'],
  closedByOtherCase: 'CLOSED_CANCELLED',
  crossCase: [
    {
      onEnter: 'REVIEW',
      scope: 'account',
      caseTypes: ['early_collections'],
      action: 'close',
      reason: 'The account moved to internal recovery',
    },
  ],
  settings: { maxRoDiscountPct: 0, maxInstalments: 24 },
  statuses: [
    {
      code: 'REVIEW',
      label: 'Review',
      kind: 'initial',
      description:
        'A recovery specialist reviews the collections history and starts contact, skip tracing or a supervisor referral.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        monitoring: [
          {
            algorithm: 'indicatorWatch',
            params: { indicators: ['military_service'], moveTo: 'SUSPEND' },
            note: 'IR_CM_SCRA (C1-ACTMEMCHK) seq 20: customer or dependant in active military service → Suspend Status',
          },
          {
            ...suspendOnIndicators,
            note: 'IR_CM_CESUS (C1-CSETRANS, enter: Cease and Desist = Y) and C1-ECTTSS seq 30 → Suspend',
          },
          paidOffCancelled,
        ],
      },
    },
    {
      code: 'UNDER_SETTLEMENT_OFFER',
      label: 'Under settlement offer',
      kind: 'interim',
      description: 'A settlement offer is open; the customer accepts, rejects or lets it expire.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          setCharacteristic('offerStatus', 'open', 'The offer is open while the case is in this status'),
        ],
        exitProcessing: [
          setCharacteristic(
            'activeSettlementOffer',
            false,
            'Clears the C1-TSOF flag so the case does not re-enter at once',
          ),
        ],
        monitoring: [
          {
            algorithm: 'settlementOfferWatch',
            params: { acceptedTo: 'UNDER_RESOLUTION', rejectedTo: 'CONTACT', expiredTo: 'CONTACT' },
            note: 'CM_MONUS (C1-MONUS) seq 10: settlement expiry, offer acceptance or rejection (Contact Status)',
          },
          suspendOnIndicators,
          paidOffCancelled,
        ],
      },
    },
    {
      code: 'CONTACT',
      label: 'Contact',
      kind: 'interim',
      description:
        'The borrower is contacted; the account may be sent to the dialer (the guide prints this under Contact Alternate; it fits this status).',
      actors: ['system', 'recovery_officer'],
      hooks: { monitoring: [suspendOnIndicators, skipTraceOnFailures, paidOff] },
    },
    {
      code: 'CONTACT_ALT',
      label: 'Contact alternate',
      kind: 'interim',
      description:
        'The borrowers cannot be contacted; authorised third parties and attorneys are called by hand (the guide prints this under Contact; it fits this status).',
      actors: ['system', 'recovery_officer'],
      hooks: { monitoring: [suspendOnIndicators, skipTraceOnFailures, paidOff] },
    },
    {
      code: 'UNDER_RESOLUTION',
      label: 'Under resolution',
      kind: 'interim',
      description: 'A promise to pay or a settlement plan is being paid.',
      actors: ['system'],
      hooks: {
        monitoring: [
          suspendOnIndicators,
          zeroBalanceClose(
            'SETTLED',
            'IN_RESCONUND (C1-RCFR) seq 20, Settled Status: the final-settlement PTP is paid',
          ),
          {
            algorithm: 'accountStatusMirror',
            params: { map: { closed: 'CLOSED_PAID_OFF' } },
            note: 'Cure Monitor Batch closes the account and the case (10.4.14)',
          },
          {
            algorithm: 'promiseWatch',
            params: { toleranceDays: 3, brokenTo: 'CONTACT' },
            note: 'IN_RESCONUND (C1-RCFR) seq 20: resume contact on PTP status',
          },
          {
            algorithm: 'instalmentOverdue',
            params: { graceDays: 3, moveTo: 'CONTACT' },
            note: 'IN_RESCONUND (C1-RCFR) seq 20: resume contact when the settlement plan falls behind',
          },
        ],
      },
    },
    {
      code: 'WRITE_OFF',
      label: 'Write-off',
      kind: 'interim',
      description: 'Parked: the recovery supervisor recommended write-off; marked for write-off.',
      actors: ['system'],
      hooks: {
        enterProcessing: [setCharacteristic('markedForWriteOff', true, 'Set Marked for Write Off flag = Y')],
        monitoring: [
          {
            algorithm: 'accountStatusMirror',
            params: { map: { closed_written_off: 'CLOSED_WRITTEN_OFF' } },
            note: 'IR_CM_WRTOF (C1-TOAS): account status Close – WriteOff → Closed Written-off',
          },
          paidOffCancelled,
        ],
      },
    },
    {
      code: 'SUSPEND',
      label: 'Suspend',
      kind: 'interim',
      description: 'Recovery suspended for a while: possible bankruptcy, deceased, cease and desist.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        monitoring: [
          {
            algorithm: 'afterDaysInStatus',
            params: { days: 7, workList: 'ir_suspended_7_days' },
            note: 'Create worklist for the case if it is in Suspend for more than 7 days',
          },
          paidOff,
        ],
      },
    },
    {
      code: 'SUPERVISOR_REVIEW',
      label: 'Supervisor review',
      kind: 'interim',
      description:
        'A supervisor works the referral (reason mandatory): completes the review, approves, or transfers the case to write-off or debt sale.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'IR_SUPERVISOR_REVIEW',
            'Review the referred case (see the referral reason)',
            'A task is created for the supervisor team',
          ),
        ],
        exitProcessing: [closeTasks(['IR_SUPERVISOR_REVIEW'])],
        monitoring: [paidOff],
      },
    },
    {
      code: 'SETTLED',
      label: 'Settled',
      kind: 'interim',
      description: 'Parked: the settlement plan is complete; marked for write-off of the remainder.',
      actors: ['system'],
      hooks: {
        enterProcessing: [setCharacteristic('markedForWriteOff', true, 'Marked for Write Off = Y')],
        monitoring: [
          {
            algorithm: 'accountStatusMirror',
            params: {
              map: {
                closed_settled: 'CLOSED_SETTLED_WO',
                closed_written_off: 'CLOSED_SETTLED_WO',
                closed: 'CLOSED_CANCELLED',
              },
            },
            note: 'CM_CLSDSETWO (C1-TOAS): account Closed Settled and WriteOff → Closed Settled & Written Off',
          },
        ],
      },
    },
    {
      code: 'DEBT_SALE',
      label: 'Debt sale',
      kind: 'interim',
      description: 'The debt sale manager sells the account to an asset restructuring company.',
      actors: ['supervisor'],
      hooks: {
        enterValidation: [
          { algorithm: 'noHold', note: 'IN_CM_DESLVA (C1-VDS) debt-sale eligibility: closest check (see readings)' },
        ],
        monitoring: [
          {
            algorithm: 'accountStatusMirror',
            params: { map: { closed_sold: 'CLOSED_SOLD' } },
            note: 'IR_CM_DEBTSL (C1-TOAS): account status Closed – Sold → Closed Sold',
          },
          paidOffCancelled,
        ],
      },
    },
    {
      code: 'SKIP_TRACE',
      label: 'Skip trace',
      kind: 'interim',
      description: 'The customer cannot be reached; the skip tracing team researches new details.',
      actors: ['supervisor', 'recovery_officer'],
      hooks: {
        monitoring: [
          tooLongIn('IR_SKIP_TRACE_TOO_LONG', 'In skip trace for more than 14 days', 'CS-MONITOR seq 10'),
          paidOff,
        ],
      },
    },
    {
      code: 'DISPUTE',
      label: 'Dispute',
      kind: 'interim',
      description:
        'The customer filed an official complaint; the dispute management team works it; the case leaves some days after resolution.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [
          setCharacteristic('disputeIndicator', true, 'IR_CM_SETDIS (C1-SETDISRI): set the Dispute risk indicator'),
        ],
        exitProcessing: [
          setCharacteristic('disputeIndicator', false, 'IR_CM_RSTDIS (C1-RSTDISRI): remove the Dispute risk indicator'),
        ],
        monitoring: [
          {
            algorithm: 'disputeExit',
            params: { graceDays: 7, to: 'CONTACT', resolvedField: 'disputeResolvedOn' },
            note: 'IR_CM_DISPRE (C1-DISMON) seq 10: No. of Grace Days = 7, Contact Status',
          },
          tooLongIn('IR_DISPUTE_TOO_LONG', 'In dispute for more than 14 days', 'CS-MONITOR seq 20'),
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
      code: 'CLOSED_WRITTEN_OFF',
      label: 'Closed: written off',
      kind: 'final',
      description: 'The account was written off.',
      actors: [],
    },
    {
      code: 'CLOSED_SETTLED_WO',
      label: 'Closed: settled and written off',
      kind: 'final',
      description: 'Settled; the remainder was written off.',
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
      code: 'CLOSED_CANCELLED',
      label: 'Closed: cancelled',
      kind: 'final',
      description: 'The account was paid off, or another case closed this one.',
      actors: [],
    },
  ],
  transitions: [
    ...fromMatrix(MATRIX, (_from, to) => (to === 'UNDER_SETTLEMENT_OFFER' ? ACTIVE_OFFER : undefined)),
    ...ADDED,
  ],
  actions: [
    {
      code: 'accountReview',
      label: 'Account review',
      roles: OFFICERS,
      statuses: ['REVIEW'],
      results: [
        noteResult('initiate_contact', 'Initiate contact', 'CONTACT'),
        noteResult('contact_alternate', 'Contact third parties / attorneys', 'CONTACT_ALT'),
        noteResult('assign_skip_trace', 'Assign to skip tracing', 'SKIP_TRACE'),
        {
          code: 'refer_to_supervisor',
          label: 'Refer to supervisor review',
          effects: [],
          fields: [textField('referralReason', 'Referral reason')],
          next: 'SUPERVISOR_REVIEW',
        },
        {
          code: 'promise_to_pay',
          label: 'Promise to pay agreed',
          effects: ['recordPromise'],
          next: 'UNDER_RESOLUTION',
        },
      ],
    },
    {
      code: 'outboundCall',
      label: 'Outbound call',
      roles: ['recovery_officer'],
      statuses: [...CONTACTS, 'UNDER_RESOLUTION'],
      results: [
        { code: 'no_answer', label: 'No answer', effects: ['recordContact'] },
        { code: 'unreachable', label: 'Wrong number / unreachable', effects: ['recordContact'] },
        { code: 'call_back', label: 'Asked to call back', effects: ['recordContact'] },
        { code: 'refused', label: 'Refused to pay', effects: ['recordContact'] },
        {
          code: 'promise_to_pay',
          label: 'Promise to pay',
          effects: ['recordContact', 'recordPromise'],
          next: 'UNDER_RESOLUTION',
        },
        {
          code: 'dispute_claimed',
          label: 'Customer has filed a dispute',
          effects: ['recordContact', 'indicateDispute'],
          fields: [textField('disputeReason', 'Dispute')],
          next: 'DISPUTE',
        },
      ],
    },
    {
      code: 'makeSettlementOffer',
      label: 'Make a settlement offer',
      roles: OFFICERS,
      statuses: ['REVIEW', ...CONTACTS, 'SUPERVISOR_REVIEW', 'SKIP_TRACE'],
      results: [
        {
          code: 'offer_made',
          label: 'Offer made',
          effects: [],
          fields: [
            amountField('offerAmountCents', 'Offered settlement amount'),
            dateField('offerExpiresOn', 'Offer expires on'),
            yesField('activeSettlementOffer', 'Offer is active (sent to the customer)'),
          ],
        },
      ],
    },
    {
      code: 'recordOfferResponse',
      label: 'Record the customer’s response to the offer',
      roles: OFFICERS,
      statuses: ['UNDER_SETTLEMENT_OFFER'],
      results: [
        {
          code: 'response',
          label: 'Customer responded',
          effects: ['recordContact'],
          fields: [choiceField('offerStatus', 'Response', ['accepted', 'rejected'])],
        },
      ],
    },
    {
      code: 'agreeSettlement',
      label: 'Capture the settlement plan (PTP for the settlement)',
      roles: OFFICERS,
      statuses: ['UNDER_SETTLEMENT_OFFER', 'UNDER_RESOLUTION'],
      results: [{ code: 'settlement_agreed', label: 'Settlement plan agreed', effects: ['agreeSettlement'] }],
    },
    recordPaymentAction({ allowedOnHold: true }),
    {
      code: 'suspend',
      label: 'Suspend recovery',
      roles: OFFICERS,
      statuses: ['UNDER_SETTLEMENT_OFFER', ...CONTACTS, 'UNDER_RESOLUTION'],
      results: [
        {
          code: 'suspended',
          label: 'Suspended',
          effects: [],
          fields: [
            choiceField('suspendReason', 'Suspension reason', [
              'possible_bankruptcy',
              'deceased',
              'cease_and_desist',
              'hardship',
              'other',
            ]),
          ],
          next: 'SUSPEND',
        },
      ],
    },
    {
      code: 'resumeContact',
      label: 'Resume recovery',
      roles: OFFICERS,
      statuses: ['SUSPEND'],
      results: [
        noteResult('resume_contact', 'Resume contact', 'CONTACT'),
        noteResult('resume_contact_alternate', 'Resume contact with third parties', 'CONTACT_ALT'),
        noteResult('dispute_claimed', 'Customer has filed a dispute', 'DISPUTE'),
      ],
    },
    {
      code: 'referToSupervisor',
      label: 'Refer to supervisor review',
      roles: OFFICERS,
      statuses: [
        'UNDER_SETTLEMENT_OFFER',
        ...CONTACTS,
        'UNDER_RESOLUTION',
        'WRITE_OFF',
        'SUSPEND',
        'DEBT_SALE',
        'SKIP_TRACE',
        'DISPUTE',
      ],
      results: [
        {
          code: 'referred',
          label: 'Referred',
          effects: [],
          fields: [textField('referralReason', 'Referral reason')],
          next: 'SUPERVISOR_REVIEW',
        },
      ],
    },
    {
      code: 'reviewComplete',
      label: 'Review complete',
      roles: ['supervisor'],
      statuses: ['SUPERVISOR_REVIEW'],
      results: [
        noteResult('back_to_review', 'Back to the specialist’s review', 'REVIEW'),
        noteResult('resume_contact', 'Resume contact', 'CONTACT'),
        noteResult('resume_contact_alternate', 'Contact third parties', 'CONTACT_ALT'),
        noteResult('suspend', 'Suspend', 'SUSPEND'),
        noteResult('skip_trace', 'Assign to skip tracing', 'SKIP_TRACE'),
        noteResult('dispute', 'Hand to dispute management', 'DISPUTE'),
      ],
    },
    {
      code: 'supervisorApproval',
      label: 'Supervisor approval',
      roles: ['supervisor'],
      statuses: ['SUPERVISOR_REVIEW'],
      results: [{ code: 'settlement_approved', label: 'Settlement approved', effects: ['agreeSettlement'] }],
    },
    {
      code: 'transferCase',
      label: 'Transfer case',
      roles: ['supervisor'],
      statuses: ['SUPERVISOR_REVIEW'],
      results: [
        {
          code: 'write_off',
          label: 'Recommend write-off',
          effects: [],
          fields: [textField('writeOffReason', 'Write-off reason')],
          next: 'WRITE_OFF',
        },
        noteResult('debt_sale', 'Recommend debt sale', 'DEBT_SALE'),
      ],
    },
    {
      code: 'skipTraceAction',
      label: 'Skip trace action',
      roles: OFFICERS,
      statuses: ['SKIP_TRACE'],
      results: [
        noteResult('traced', 'Traced: contact the customer', 'CONTACT'),
        noteResult('traced_alternate', 'Traced: contact third parties', 'CONTACT_ALT'),
        { code: 'not_traced', label: 'Not traced yet', effects: ['recordNote'] },
      ],
    },
    {
      code: 'disputeManagement',
      label: 'Dispute management',
      roles: ['supervisor'],
      statuses: ['DISPUTE'],
      results: [
        {
          code: 'resolved',
          label: 'Dispute resolved',
          effects: ['recordNote'],
          fields: [dateField('disputeResolvedOn', 'Resolved on')],
        },
      ],
    },
    debtSaleAction(),
  ],
});
