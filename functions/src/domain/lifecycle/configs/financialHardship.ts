import type { AlgorithmRef, CaseTypeConfig, TransitionDef } from '../types';
import {
  OFFICERS,
  system,
  followUp,
  manual,
  textField,
  dateField,
  choiceField,
  setCharacteristic,
  raiseTodo,
  afterDaysInStatus,
  noteResult,
  closeTasks,
  todoAfterDays,
  translated,
} from './build';

/**
 * Financial hardship (after ch. 3 of the banking process guide, docs/domain.md): a customer applies for hardship
 * relief. The application is drafted and submitted, referred for approval, approved (or declined), the relief types
 * are applied to the accounts (with a second-level relief approval), the customer is notified, and the relief runs
 * until its expiry date: an expiry notice 14 days before, extensions, then expiry.
 *
 * Each status follows the guide's table for it, with the chapter's notes, algorithm types and features. Codes as
 * printed, '-' written '_' (HARD-REFFERD, sic, → HARD_REFFERD).
 */

const FH_INDICATOR = 'financialHardshipIndicator';
const letter = (type: string, label: string, note: string): AlgorithmRef => raiseTodo(type, label, note, 2);
const passThrough = (moveTo: string, note: string): AlgorithmRef => afterDaysInStatus(0, { moveTo }, note);
const cancelFrom = (from: string): TransitionDef => manual(from, 'HARD_CANCEL');

export const financialHardship: CaseTypeConfig = translated({
  id: 'financial_hardship',
  version: 1,
  name: 'Financial hardship',
  description:
    'A hardship application: submission, approval, relief applied to the customer’s accounts, notices, extension and expiry.',
  readings: [
    'Roles (ch. 3 has no roles table): the collector or associate who fills in and submits the application → recovery_officer; the OPSS / SOA approvers of the hardship and of the relief (two levels, 3.7) → supervisor. System activities → system.',
    'Tables 3-3 to 3-16 print two independent column groups side by side (next statuses; algorithms). A next status on the same row as an algorithm is not tied to it.',
    'Exception and Retry (Tables 3-6, 3-7) hold cases whose host call failed and send them back to the stored previous status. The chapter’s notes say such errors now show on screen and leave the case where it is (XA); DebtX’s engine refuses a failing step and changes nothing, so Exception and Retry, and every "→ Exception (EXCP)" transition, are left out. The library has no save/restore of a previous status either (gap: C1-PREV-STAT / C1-PREV-EXP).',
    'Hardship Declined and Hardship Cancelled list "→ Exception"; final statuses are terminal in DebtX.',
    'Transition roles: the tables do not say user or system except for the named auto-transitions and the explicitly manual Approve → Apply Relief. Named auto-transitions are system transitions taken by their algorithm; approval outcomes and relief application are follow-ups of the approver’s result; cancellation is a manual transition that asks for the cancel reason (C1-CNHRDSHAP needs CI-CANRSN).',
    'Pending ("Auto-transition: Wait Time Out", CS-MONITOR) and Referred (the same): no parameters are given. Read as a reminder after 14 days in draft and an escalation after 5 days awaiting approval; neither moves the case (a time-out that approves or cancels a hardship is not something to guess).',
    'C1-TRAN-STAT (Application Submitted, Notification Sent, Expiry Extended: "transition to default next status") → afterDaysInStatus 0 days: the next monitor run moves the case (gap: immediate pass-through).',
    'C1-FH-AUTOAP (auto-approval through OPSS) has no library algorithm (gap: approval rules); every application is approved by a supervisor, raised as a to-do.',
    'C1-RELF-TYPE / C1-OP-RT / C1-FH-EVAL (apply relief types in the host) and C1-RAPP (move on once all reliefs are applied): DebtX cannot apply reliefs in the host (gap); a to-do asks for it and the second-level approver’s "relief applied" result moves the case on (F instead of the guide’s auto-transition).',
    'C1-NXT-TENDY (14 days before expiry → Expiry Notification) and C1_TRN-APL (expiry date reached → Hardship Expired) are dateAlert on hardshipExpiryDate with 14 and 0 days.',
    'Expiry extension (CC1-EXT-EXPDT with C1_EXTEX; C1-VAL-EXPDT new > current; C1-VAL-FHEXP expiry > posting date): the extension result captures the new date into hardshipExpiryDate itself, so the expiry monitors follow it (3.5: the expiry date is only ever changed by an extension). The date-order validations have no library algorithm (gap).',
    'C1-HARAP-DT (store the approval date / hardship effective date): a hook cannot stamp today’s date into a characteristic (gap); the approval time is on the audit trail.',
    'Host write-backs (C1-SET-REC in-collections flag, C1-SET-FH / C1-UNSET-FH financial hardship indicator, C1-REVIW-ACT / C1-UPDRVWDT review dates): DebtX cannot write indicators back (gap); the FH indicator is kept as the characteristic financialHardshipIndicator. Letters (C1-FH-DEC, C1-FH-RSLT, C1-FH-EXPLT) and the banker notification (C1-NOT-BANKR) are to-dos: there is no letter or notification algorithm (gap).',
    'C1-CHKHRDSHP, check for an existing hardship: blockedBy financial_hardship. The hardship case does not hold other collection cases: the guide suspends early collections through the FH indicator (ch. 8 Suspended reasons), which DebtX cannot set on the customer.',
  ],
  category: 'Hardship',
  level: 'customer',
  blockedBy: ['financial_hardship'],
  settings: {},
  statuses: [
    {
      code: 'PENDING',
      label: 'Pending',
      kind: 'initial',
      description: 'The hardship application form is being filled in; the expiry date is entered here.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          {
            algorithm: 'addToWorkList',
            params: { workList: 'hardship_queue' },
            note: 'C1-ALLOCQUE: queue allocation for a customer-level case (queue only, no user)',
          },
        ],
        monitoring: [
          todoAfterDays(
            14,
            'HARDSHIP_DRAFT_WAITING',
            'Hardship application still in draft after 14 days',
            'CS-MONITOR "Wait Time Out" (no parameters printed)',
          ),
        ],
        exitProcessing: [closeTasks(undefined, 'C1-TO-DO-END: complete all to-dos of the case')],
      },
    },
    {
      code: 'APP_SUBMIT',
      label: 'Application submitted',
      kind: 'interim',
      description: 'The application is checked for its mandatory fields and referred.',
      actors: ['system'],
      hooks: {
        enterValidation: [
          {
            algorithm: 'requireCharacteristics',
            params: { fields: ['hardshipReason', 'hardshipExpiryDate'] },
            note: 'C1-V-FH-APP: validate hardship application inputs (required char EXP_DTE)',
          },
        ],
        monitoring: [passThrough('HARD_REFFERD', 'C1-TRAN-STAT: transition to default next status')],
      },
    },
    {
      code: 'HARD_REFFERD',
      label: 'Hardship referred',
      kind: 'interim',
      description: 'The application awaits approval.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'HARDSHIP_APPROVAL',
            'Approve or decline the hardship application',
            'C1-FH-AUTOAP: when not auto-approved, an approval task (SOA human task)',
          ),
        ],
        monitoring: [
          todoAfterDays(
            5,
            'HARDSHIP_APPROVAL_OVERDUE',
            'Hardship approval pending for 5 days',
            'CS-MONITOR "Wait Time Out" (no parameters printed)',
          ),
        ],
        exitProcessing: [closeTasks(['HARDSHIP_APPROVAL', 'HARDSHIP_APPROVAL_OVERDUE'])],
      },
    },
    {
      code: 'HARD_APPRV',
      label: 'Hardship approved',
      kind: 'interim',
      description: 'Approved; the banker is notified and the FH indicator set; relief is applied by hand next.',
      actors: OFFICERS,
      hooks: {
        enterProcessing: [
          letter('HARDSHIP_NOTIFY_BANKER', 'Notify the banker of the approved hardship', 'C1-NOT-BANKR: notify banker'),
          setCharacteristic(FH_INDICATOR, true, 'C1-SET-FH: set Financial Hardship indicator'),
        ],
      },
    },
    {
      code: 'AP_HARD_RELF',
      label: 'Apply hardship relief',
      kind: 'interim',
      description: 'The relief types are applied to the accounts, after the second-level relief approval.',
      actors: OFFICERS,
      hooks: {
        enterProcessing: [
          raiseTodo(
            'HARDSHIP_APPLY_RELIEF',
            'Approve and apply the relief types to the accounts',
            'C1-RELF-TYPE, C1-OP-RT, C1-FH-EVAL: assign, check and apply the relief types in the host',
          ),
        ],
        exitProcessing: [closeTasks(['HARDSHIP_APPLY_RELIEF'])],
      },
    },
    {
      code: 'NOTIF_SENT',
      label: 'Notification sent',
      kind: 'interim',
      description: 'The hardship application result is sent to the customer.',
      actors: ['system'],
      hooks: {
        enterProcessing: [
          letter(
            'HARDSHIP_RESULT_LETTER',
            'Send the hardship application result to the customer',
            'C1-FH-RSLT: send hardship application result',
          ),
        ],
        monitoring: [passThrough('RLF_APPL', 'C1-TRAN-STAT: transition to default next status')],
      },
    },
    {
      code: 'RLF_APPL',
      label: 'Relief applied',
      kind: 'interim',
      description: 'The relief is in force until its expiry date.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        monitoring: [
          {
            algorithm: 'dateAlert',
            params: {
              field: 'hardshipExpiryDate',
              daysBefore: 14,
              todo: { type: 'HARDSHIP_EXPIRING', label: 'Hardship relief expires in 14 days' },
              moveTo: 'EXP_NOTIFICN',
            },
            note: 'C1-NXT-TENDY: transition to next status 14 days before expiry',
          },
        ],
      },
    },
    {
      code: 'EXP_NOTIFICN',
      label: 'Expiry notification',
      kind: 'interim',
      description: 'The customer is told that the relief expires soon; it can still be extended.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          letter(
            'HARDSHIP_EXPIRY_LETTER',
            'Send the hardship expiry letter',
            'C1-FH-EXPLT: send hardship expiration letter',
          ),
        ],
        monitoring: [
          {
            algorithm: 'dateAlert',
            params: {
              field: 'hardshipExpiryDate',
              daysBefore: 0,
              todo: { type: 'HARDSHIP_EXPIRED', label: 'Hardship relief expired' },
              moveTo: 'HARD_EXPIRED',
            },
            note: 'C1_TRN-APL: transition to next status when the hardship expiry date is reached',
          },
        ],
        exitProcessing: [closeTasks(undefined, 'C1-TO-DO-END: complete all to-dos of the case')],
      },
    },
    {
      code: 'EXPIRY_EXTND',
      label: 'Expiry extended',
      kind: 'interim',
      description: 'The expiry date is extended; the customer is notified again.',
      actors: ['system'],
      hooks: {
        enterValidation: [
          {
            algorithm: 'requireCharacteristics',
            params: { fields: ['hardshipExpiryDate'] },
            note: 'C1-VAL-EXPDT / C1-VAL-FHEXP: validate the extended expiry date (order checks are a gap)',
          },
        ],
        monitoring: [passThrough('NOTIF_SENT', 'C1-TRAN-STAT: transition to default next status')],
      },
    },
    {
      code: 'HARD_DECLINE',
      label: 'Hardship declined',
      kind: 'final',
      description: 'The application or the relief was declined; the customer gets a decline letter.',
      actors: [],
      hooks: {
        enterProcessing: [
          letter(
            'HARDSHIP_DECLINE_LETTER',
            'Send the hardship decline letter',
            'C1-FH-DEC: send hardship declination letter',
          ),
          setCharacteristic(FH_INDICATOR, false, 'C1-UNSET-FH: remove Financial Hardship indicator'),
        ],
      },
    },
    {
      code: 'HARD_EXPIRED',
      label: 'Hardship expired',
      kind: 'final',
      description: 'The relief expired.',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic(FH_INDICATOR, false, 'C1-UNSET-FH: remove Financial Hardship indicator'),
          setCharacteristic('reliefStatus', 'expired', 'C1-UPDHDSTAT: update status to expired in hardship details'),
        ],
      },
    },
    {
      code: 'HARD_CANCEL',
      label: 'Hardship cancelled',
      kind: 'final',
      description: 'Cancelled with a reason, even during the second-level relief approval.',
      actors: [],
      hooks: {
        enterProcessing: [
          setCharacteristic(
            'reliefStatus',
            'cancelled',
            'C1-CNHRDSHAP: cancel hardship application (cancel reason CI-CANRSN)',
          ),
          setCharacteristic(FH_INDICATOR, false, 'C1-UNSET-FH: remove Financial Hardship indicator'),
          closeTasks(undefined, 'C1-CANFHAPPR, C1-CANRELREQ, C1-CANSOARQ: cancel pending approval requests'),
        ],
      },
    },
  ],
  transitions: [
    followUp('PENDING', 'APP_SUBMIT'),
    system('APP_SUBMIT', 'HARD_REFFERD'),
    followUp('HARD_REFFERD', 'HARD_APPRV'),
    followUp('HARD_REFFERD', 'HARD_DECLINE'),
    manual('HARD_APPRV', 'AP_HARD_RELF'),
    followUp('AP_HARD_RELF', 'NOTIF_SENT'),
    followUp('AP_HARD_RELF', 'HARD_DECLINE'),
    system('NOTIF_SENT', 'RLF_APPL'),
    system('RLF_APPL', 'EXP_NOTIFICN'),
    followUp('RLF_APPL', 'EXPIRY_EXTND'),
    system('EXP_NOTIFICN', 'HARD_EXPIRED'),
    followUp('EXP_NOTIFICN', 'EXPIRY_EXTND'),
    system('EXPIRY_EXTND', 'NOTIF_SENT'),
    ...['PENDING', 'HARD_REFFERD', 'HARD_APPRV', 'AP_HARD_RELF', 'RLF_APPL', 'EXP_NOTIFICN'].map(cancelFrom),
  ],
  actions: [
    {
      code: 'submitApplication',
      label: 'Submit the hardship application',
      roles: OFFICERS,
      statuses: ['PENDING'],
      results: [
        {
          code: 'submitted',
          label: 'Application submitted',
          effects: [],
          fields: [
            choiceField('hardshipReason', 'Reason for hardship', [
              'unemployment',
              'illness_or_injury',
              'disaster',
              'reduced_income',
              'family_circumstances',
              'other',
            ]),
            dateField('hardshipExpiryDate', 'Hardship expiry date'),
            textField('nominatedAccounts', 'Accounts nominated for relief'),
          ],
          next: 'APP_SUBMIT',
        },
      ],
    },
    {
      code: 'decideHardship',
      label: 'Approve or decline the hardship',
      roles: ['supervisor'],
      statuses: ['HARD_REFFERD'],
      results: [
        noteResult('approved', 'Approved', 'HARD_APPRV'),
        {
          code: 'declined',
          label: 'Declined',
          effects: [],
          fields: [textField('declineReason', 'Decline reason')],
          next: 'HARD_DECLINE',
        },
      ],
    },
    {
      code: 'decideRelief',
      label: 'Approve and apply the relief',
      roles: ['supervisor'],
      statuses: ['AP_HARD_RELF'],
      results: [
        {
          code: 'relief_applied',
          label: 'Relief approved and applied',
          effects: [],
          fields: [textField('reliefTypes', 'Relief types applied')],
          next: 'NOTIF_SENT',
        },
        {
          code: 'relief_declined',
          label: 'Relief declined',
          effects: [],
          fields: [textField('declineReason', 'Decline reason')],
          next: 'HARD_DECLINE',
        },
      ],
    },
    {
      code: 'extendExpiry',
      label: 'Extend the hardship expiry',
      roles: OFFICERS,
      statuses: ['RLF_APPL', 'EXP_NOTIFICN'],
      results: [
        {
          code: 'extended',
          label: 'Expiry extended',
          effects: ['recordNote'],
          fields: [dateField('hardshipExpiryDate', 'New expiry date')],
          next: 'EXPIRY_EXTND',
        },
      ],
    },
    {
      code: 'recordContact',
      label: 'Record a customer contact',
      roles: ['recovery_officer'],
      statuses: ['*'],
      results: [{ code: 'contacted', label: 'Customer contacted', effects: ['recordContact'] }],
    },
  ],
});
