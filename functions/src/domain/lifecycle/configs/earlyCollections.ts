import type { AlgorithmRef, CaseTypeConfig } from '../types';
import {
  OFFICERS,
  system,
  followUp,
  manual,
  textField,
  dateField,
  afterDaysInStatus,
  zeroBalanceClose,
  todoAfterDays,
  recordPaymentAction,
  translated,
} from './build';

/**
 * Early collections (after ch. 8 of the banking process guide, docs/domain.md): the bank's own collectors chase an
 * account from the first days past due. The case waits in Pending, is contacted (Contact / Contact Alternate /
 * Contact RM), moves to Under Resolution on a promise, parks in Small Balance, Suspended, Skip Trace or Dispute, is
 * reviewed by the early- and late-collections teams, and closes when the account is cured or moved to another
 * strategy (late collections, recoveries).
 *
 * Each status follows the guide's table for it. The chapter has no transition matrix: transitions are derived from
 * the status descriptions and algorithm parameters.
 */

const CONTACTS = ['CONTACT', 'CONTACT_ALT', 'CONTACT_RM'];
const WORKING = [...CONTACTS, 'UNDER_RESOLUTION', 'SMALL_BALANCE'];
/** Small Balance threshold (C1-ECRCSB "Small Balance Threshold"; the guide leaves X to configuration). */
const SMALL_BALANCE_CENTS = 100_000;

/**
 * C1-ECTTSS / C1-CSETRANS: warning and risk indicators that suspend early collections (the Suspended status's
 * reasons).
 */
const suspendOnIndicators: AlgorithmRef = {
  algorithm: 'indicatorWatch',
  params: {
    indicators: ['suspend', 'cease_and_desist', 'bankruptcy', 'deceased', 'hardship', 'military_service'],
    moveTo: 'SUSPENDED',
    todo: {
      type: 'EC_SUSPENDED',
      label: 'Early collections suspended by a warning or risk indicator: check the reason',
    },
  },
  note: 'C1-ECTTSS seq 10 (Suspended Status, Task Type) and C1-CSETRANS (Cease and Desist = Y → Suspension State)',
};
const contactAlternateOnIndicator: AlgorithmRef = {
  algorithm: 'indicatorWatch',
  params: { indicators: ['contact_alternate'], moveTo: 'CONTACT_ALT' },
  note: 'C1-ECTTSS seq 10: Party Risk Indicators – Contact Alternate → Contact Alternate Status',
};
const parkSmallBalance: AlgorithmRef = {
  algorithm: 'smallBalance',
  params: { thresholdCents: SMALL_BALANCE_CENTS, direction: 'park', to: 'SMALL_BALANCE' },
  note: 'C1-ECRCSB seq 30 "Transition to Small Balance Status" (Small Balance Threshold; Use Overdue Amount = Yes)',
};
const curedClose: AlgorithmRef = zeroBalanceClose('CLOSED', 'Closed "when account is cured": nothing overdue any more');
const skipTraceOnFailures: AlgorithmRef = {
  algorithm: 'unreachable',
  params: { consecutiveFailures: 5, moveTo: 'SKIP_TRACE' },
  note: 'C1-ECISTITN seq 40 "Consecutive Failed Contacts (X)" → Skip Tracing Status',
};
const contactMonitoring: AlgorithmRef[] = [
  suspendOnIndicators,
  parkSmallBalance,
  skipTraceOnFailures,
  curedClose,
  // C1-ECVCC (contact cap → hold), C1-ECDCI (contact intensity) and C1-ECSC (schedule next call), seq 50–70,
  // have no counterpart in the algorithm library; see readings.
];

export const earlyCollections: CaseTypeConfig = translated({
  id: 'early_collections',
  version: 1,
  name: 'Early collections',
  description:
    'The bank’s own collectors contact customers in the first days past due, take promises, and hand the account on when early collection fails.',
  readings: [
    'Roles: Collector → recovery_officer (the bank’s own staff, not a DRC); Early Collections Supervisor / Review Team, Late Collections Team, Skip Tracing Team and Dispute Management Team → supervisor; RM → recovery_officer (Contact RM is worked by collectors who call the RM). System activities → system.',
    'Pending: "Transition to Contact Status on First Contact Date" is C1-ECIC with a DPD / DIA / days-in-case basis. Only the days-in-case basis is expressible: afterDaysInStatus 5 days → Contact. DPD and DIA bases, "Immediate Transition if Direct Debit" and the choice of Contact RM when an RM exists are not (library gap); Contact RM is reached by the supervisor from Early Collections Review or Skip Trace.',
    'C1-ECTTURS (active PTP or net arrear zero → Under Resolution) has no condition algorithm. A promise recorded by the collector (result promise_to_pay) follows up to Under Resolution instead; "net arrear zero" is read as cured and closes the case (zeroBalanceClose), since DebtX has no uncleared funds.',
    'Under Resolution: C1-ECRCFUR (back to Contact on PTP status) → promiseWatch brokenTo Contact (3 tolerance days) and instalmentOverdue for settlement plans. A kept promise that still leaves arrears stays in Under Resolution until the collector records the next call (promiseWatch cannot tell that no promise is left open).',
    'The contact cap (C1-ECVCC, hold for Y days), contact intensity (C1-ECDCI) and next-call scheduling (C1-ECSC) are not in the library; the collector sets nextFollowUpOn on each call instead. X for consecutive failed contacts is not given: 5 is used; "no_answer" and "unreachable" results count as failures.',
    'Pending enter C1-ECISTITN, "no telephone number → Skip Trace": DebtX has no contact-point check (gap); only the consecutive-failures rule moves to Skip Trace.',
    'Suspended: the exit from Suspended is not described; the supervisor moves the case back by hand (manual transitions). A case whose suspending indicator is still set returns to Suspended at once, so the indicator must be cleared first.',
    '"Task creation if case is in Suspended status for more than X days" is repeated under Late Collections Review, Skip Trace and Dispute; it is read as "in this status". X is not given: 14 days.',
    'Dispute: how a case enters Dispute is not said; the collector records "dispute claimed" (follow-up) and the dispute team records the resolution date, which C1-DISMON (disputeExit, 7 grace days) uses to return the case to Contact.',
    'Small Balance: the Modify Association cell is garbled (association is not modelled in DebtX anyway). Threshold X is not given: LKR 1,000 (100,000 cents).',
    'Early Collections Review is entered by a collector’s referral and Late Collections Review by the EC supervisor’s referral, each with a mandatory review reason (result field). Late Collections Review closes the case by hand when the late-collections team opens a Late Collections case (there is no such case type yet; internal recovery closes this case when it starts).',
    '"Call to Cross Strategy Action Matrix" is carried by the other case types’ cross-case rules: internal and external recovery close this case (closedByOtherCase CLOSED); deceased and bankruptcy cases hold it. Open deceased, bankruptcy or recovery cases on the account refuse a new early-collections case (blockedBy), as the guide’s review-date removal keeps the strategy monitor away from such accounts.',
  ],
  category: 'EarlyCollections',
  level: 'account',
  blockedBy: ['early_collections', 'internal_recovery', 'external_recovery', 'bankruptcy', 'deceased'],
  closedByOtherCase: 'CLOSED',
  settings: { maxRoDiscountPct: 0, maxInstalments: 6 },
  statuses: [
    {
      code: 'PENDING',
      label: 'Pending',
      kind: 'initial',
      description: 'The initial wait before collection follow-up starts.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        monitoring: [
          suspendOnIndicators,
          contactAlternateOnIndicator,
          parkSmallBalance,
          curedClose,
          afterDaysInStatus(
            5,
            { moveTo: 'CONTACT' },
            'C1-ECIC seq 40 "Transition to Contact Status" (First Contact Calculation Parameter = Days since Case Start; Number of Days for First Contact = 5)',
          ),
        ],
      },
    },
    {
      code: 'CONTACT',
      label: 'Contact',
      kind: 'interim',
      description: 'The customer is to be contacted; the account may be sent to the dialer.',
      actors: ['system', 'recovery_officer'],
      hooks: { monitoring: [suspendOnIndicators, contactAlternateOnIndicator, ...contactMonitoring] },
    },
    {
      code: 'CONTACT_ALT',
      label: 'Contact alternate',
      kind: 'interim',
      description: 'The main holder cannot be contacted; other holders of the account are contacted.',
      actors: ['system', 'recovery_officer'],
      hooks: { monitoring: contactMonitoring },
    },
    {
      code: 'CONTACT_RM',
      label: 'Contact RM',
      kind: 'interim',
      description: 'A relationship manager follows the account up; collectors record the RM’s follow-up.',
      actors: ['system', 'recovery_officer'],
      hooks: { monitoring: [suspendOnIndicators, contactAlternateOnIndicator, ...contactMonitoring] },
    },
    {
      code: 'UNDER_RESOLUTION',
      label: 'Under resolution',
      kind: 'interim',
      description: 'A promise to pay exists (or payment is clearing); contact resumes if it is broken.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        monitoring: [
          suspendOnIndicators,
          parkSmallBalance,
          curedClose,
          {
            algorithm: 'promiseWatch',
            params: { toleranceDays: 3, brokenTo: 'CONTACT' },
            note: 'C1-ECRCFUR seq 30 "Transition to Contact Status" based on PTP status',
          },
          {
            algorithm: 'instalmentOverdue',
            params: { graceDays: 3, moveTo: 'CONTACT' },
            note: 'C1-ECRCFUR seq 30, for a settlement plan: an unpaid instalment is a broken promise',
          },
        ],
      },
    },
    {
      code: 'SMALL_BALANCE',
      label: 'Small balance',
      kind: 'interim',
      description: 'Parked: the arrears are below the small-balance threshold; no bank-initiated follow-up.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        monitoring: [
          suspendOnIndicators,
          curedClose,
          {
            algorithm: 'smallBalance',
            params: { thresholdCents: SMALL_BALANCE_CENTS, direction: 'resume', to: 'CONTACT' },
            note: 'C1-ECRCSB seq 30 "Resume Contact from Small Balance Status" (Overdue Amount > Small Balance Threshold)',
          },
        ],
      },
    },
    {
      code: 'SUSPENDED',
      label: 'Suspended',
      kind: 'interim',
      description:
        'Early collections suspended for a while: possible bankruptcy, deceased, hardship relief or deferral request, imprisonment.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: {
        monitoring: [
          curedClose,
          todoAfterDays(
            14,
            'EC_SUSPENDED_TOO_LONG',
            'Suspended for more than 14 days: review the suspension',
            '"Task creation if case is in Suspended status for more than X days" (CS-MONITOR pattern)',
          ),
        ],
      },
    },
    {
      code: 'EC_REVIEW',
      label: 'Early collections review',
      kind: 'interim',
      description: 'A supervisor of the early collections team reviews the case and moves it on by hand.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [
          {
            algorithm: 'addToWorkList',
            params: { workList: 'ec_review' },
            note: 'The case is reviewed by the Early Collections Review Team',
          },
        ],
        exitProcessing: [{ algorithm: 'removeFromWorkList', params: { workList: 'ec_review' } }],
        monitoring: [curedClose],
      },
    },
    {
      code: 'LC_REVIEW',
      label: 'Late collections review',
      kind: 'interim',
      description:
        'The late collections team reviews a referral: pushes it back to early collections review, or closes this case and opens late collections.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [{ algorithm: 'addToWorkList', params: { workList: 'lc_review' } }],
        exitProcessing: [{ algorithm: 'removeFromWorkList', params: { workList: 'lc_review' } }],
        monitoring: [
          curedClose,
          todoAfterDays(
            14,
            'EC_LC_REVIEW_TOO_LONG',
            'In late collections review for more than 14 days',
            'Printed "Suspended"; read as this status',
          ),
        ],
      },
    },
    {
      code: 'SKIP_TRACE',
      label: 'Skip trace',
      kind: 'interim',
      description: 'The customer cannot be reached; the skip tracing team looks for new contact details.',
      actors: ['system', 'recovery_officer', 'supervisor'],
      hooks: {
        monitoring: [
          curedClose,
          todoAfterDays(
            14,
            'EC_SKIP_TRACE_TOO_LONG',
            'In skip trace for more than 14 days',
            'Printed "Suspended"; read as this status',
          ),
        ],
      },
    },
    {
      code: 'DISPUTE',
      label: 'Dispute',
      kind: 'interim',
      description:
        'The customer has filed an official complaint; the dispute resolution team works it; collection resumes after it is resolved.',
      actors: ['system', 'supervisor'],
      hooks: {
        monitoring: [
          curedClose,
          {
            algorithm: 'disputeExit',
            params: { graceDays: 7, to: 'CONTACT', resolvedField: 'disputeResolvedOn' },
            note: 'C1-DISMON seq 10 "For Dispute Resolved to exit from Dispute Status" (No Of Grace Days = 7; Contact Status)',
          },
          todoAfterDays(
            14,
            'EC_DISPUTE_TOO_LONG',
            'In dispute for more than 14 days',
            'Printed "Suspended"; read as this status',
          ),
        ],
      },
    },
    {
      code: 'CLOSED',
      label: 'Closed',
      kind: 'final',
      description: 'The account is cured, or moved to another strategy such as late collections or recoveries.',
      actors: [],
    },
  ],
  transitions: [
    // System transitions taken by the monitoring algorithms above.
    system('PENDING', 'CONTACT'),
    system('PENDING', 'CONTACT_ALT'),
    system('PENDING', 'SMALL_BALANCE'),
    system('PENDING', 'SUSPENDED'),
    system('CONTACT', 'CONTACT_ALT'),
    system('CONTACT_RM', 'CONTACT_ALT'),
    ...CONTACTS.flatMap((s) => [system(s, 'SUSPENDED'), system(s, 'SMALL_BALANCE'), system(s, 'SKIP_TRACE')]),
    system('UNDER_RESOLUTION', 'SUSPENDED'),
    system('UNDER_RESOLUTION', 'SMALL_BALANCE'),
    system('UNDER_RESOLUTION', 'CONTACT'),
    system('SMALL_BALANCE', 'SUSPENDED'),
    system('SMALL_BALANCE', 'CONTACT'),
    system('DISPUTE', 'CONTACT'),
    system('*', 'CLOSED'),
    // Follow-ups of the collector's and the supervisors' results.
    ...['PENDING', ...WORKING].filter((s) => s !== 'UNDER_RESOLUTION').map((s) => followUp(s, 'UNDER_RESOLUTION')),
    ...['PENDING', ...WORKING].map((s) => followUp(s, 'DISPUTE')),
    ...[...WORKING, 'SKIP_TRACE', 'SUSPENDED', 'DISPUTE'].map((s) => followUp(s, 'EC_REVIEW')),
    followUp('EC_REVIEW', 'LC_REVIEW'),
    // Manual transitions (the guide: "manually transition to other applicable status").
    ...['CONTACT', 'CONTACT_ALT', 'CONTACT_RM', 'SUSPENDED', 'SKIP_TRACE', 'DISPUTE'].map((to) =>
      manual('EC_REVIEW', to, ['supervisor']),
    ),
    ...CONTACTS.map((to) => manual('SUSPENDED', to, ['supervisor'])),
    ...CONTACTS.map((to) => manual('SKIP_TRACE', to, ['recovery_officer', 'supervisor'])),
    manual('LC_REVIEW', 'EC_REVIEW', ['supervisor']),
    manual('LC_REVIEW', 'CLOSED', ['supervisor']),
  ],
  actions: [
    {
      code: 'recordCall',
      label: 'Record a call outcome',
      roles: ['recovery_officer'],
      statuses: ['PENDING', ...WORKING],
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
          code: 'settlement_plan',
          label: 'Payment plan agreed',
          effects: ['recordContact', 'agreeSettlement'],
          next: 'UNDER_RESOLUTION',
        },
        {
          code: 'dispute_claimed',
          label: 'Customer has filed a dispute',
          effects: ['recordContact'],
          fields: [textField('disputeReason', 'Dispute')],
          next: 'DISPUTE',
        },
      ],
    },
    recordPaymentAction({ allowedOnHold: true }),
    {
      code: 'referForReview',
      label: 'Refer to the early collections supervisor',
      roles: ['recovery_officer'],
      statuses: [...WORKING, 'SKIP_TRACE', 'SUSPENDED', 'DISPUTE'],
      results: [
        {
          code: 'referred',
          label: 'Referred for review',
          effects: [],
          fields: [textField('reviewReason', 'Review reason')],
          next: 'EC_REVIEW',
        },
      ],
    },
    {
      code: 'referToLateCollections',
      label: 'Refer for transfer to late collections',
      roles: ['supervisor'],
      statuses: ['EC_REVIEW'],
      results: [
        {
          code: 'referred',
          label: 'Referred to late collections',
          effects: [],
          fields: [textField('reviewReason', 'Review reason')],
          next: 'LC_REVIEW',
        },
      ],
    },
    {
      code: 'skipTraceAction',
      label: 'Record skip tracing',
      roles: OFFICERS,
      statuses: ['SKIP_TRACE'],
      results: [
        { code: 'traced', label: 'Customer traced: contact details updated', effects: ['recordNote'] },
        { code: 'not_traced', label: 'Not traced yet', effects: ['recordNote'] },
      ],
    },
    {
      code: 'recordDisputeOutcome',
      label: 'Record the dispute outcome',
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
  ],
});
