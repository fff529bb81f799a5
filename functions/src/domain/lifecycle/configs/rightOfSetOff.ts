import type { AlgorithmRef, CaseTypeConfig } from '../types';
import {
  OFFICERS,
  system,
  followUp,
  manual,
  textField,
  amountField,
  setCharacteristic,
  raiseTodo,
  afterDaysInStatus,
  closeTasks,
  zeroBalanceClose,
  noteResult,
  todoAfterDays,
  translated,
} from './build';

/**
 * Right of set-off (after ch. 6 of the banking process guide, docs/domain.md): arrears that stay unpaid after
 * reminders are cleared, in whole or in part, from the same customer's savings (CASA) or term deposit (TD) accounts.
 * The associate reviews the target accounts and submits; the system routes the set-off to approval or straight to
 * the transfer; the transfer runs through a ledger account; the customer is notified and the case completes after a
 * day. A payment or a promise to pay withdraws the case.
 *
 * Each status follows the guide's table for it, with the chapter's configuration section.
 */

/** C1-ROSOAPPR "Total Debit Amount Threshold" (value per implementation): LKR 100,000. */
const APPROVAL_THRESHOLD_CENTS = 10_000_000;
const NO_ACTIVITY_TODOS = ['ROSO_NO_ACTIVITY_L1', 'ROSO_NO_ACTIVITY_L2'];

const noActivity: AlgorithmRef[] = [
  todoAfterDays(
    1,
    'ROSO_NO_ACTIVITY_L1',
    'Set-off: no activity for a day',
    'No-activity monitoring: 1 day → ROSO No Activity Level 1',
  ),
  todoAfterDays(
    2,
    'ROSO_NO_ACTIVITY_L2',
    'Set-off: no activity for 2 days (supervisor)',
    'No-activity monitoring: 2 days → ROSO No Activity Level 2',
  ),
];
const paidWithdraws: AlgorithmRef = zeroBalanceClose(
  'WITHDRAWN',
  'Event Manager: a payment arrives (read as: the arrears are paid) → Withdrawn',
);
const cancelSetOff = (reason: string, note: string): AlgorithmRef[] => [
  setCharacteristic('setOffStatus', 'cancelled', 'C1-CANROSO: cancel set-off'),
  setCharacteristic('setOffExclusionReason', reason, note),
  closeTasks(),
];

export const rightOfSetOff: CaseTypeConfig = translated({
  id: 'right_of_set_off',
  version: 1,
  name: 'Right of set-off',
  description:
    'Clear arrears from the customer’s own savings or term deposits: review, approval above a threshold, transfer, notification.',
  readings: [
    'Roles (6.3): Associate → recovery_officer; Supervisor and Manager → supervisor (approve set-offs, handle no-activity alerts). System activities → system.',
    'Pending: no status code is printed; PENDING is used. The primary entity and association rows are blank; read as account-level (the delinquent account), with the target CASA / TD accounts captured at creation.',
    'ROSO_CONFLICT_CASE_CATEGORY (per implementation) and C1-EXCLCASE: the conflicting categories chosen are another set-off, bankruptcy (automatic stay), deceased and financial hardship (blockedBy).',
    'C1-CHKCUST (rule engine), C1-CHKCNT (minimum successful contacts in N days), C1-GETTRGT / C1-REVALTRGT (eligible target accounts, minimum residual balance) and their failure option "transition to Cancelled with a cancel reason" have no library algorithm (gaps: rule-engine validation, contact-count validation, validation with a failure transition). The target accounts are a required creation field; the re-checks on Submitted and Transfer Requested are left to the associate and approver.',
    'C1-ROSOAPPR: approval when the total debit is at or above the threshold (or the account is impaired / non-accrual). The library routes on the amount due (amountDueBelow guard → Transfer Requested at once), which stands in for the debit total; otherwise the default transition (Use as Default = Y) to Pending Approval is taken by afterDaysInStatus 0 at the next monitor run. Asset classification and accrual status are not modelled (gap).',
    'Transition modes: Pending → Submitted is "User, Validate Follow-up Y" → a follow-up of the submit result; "User" moves (Cancelled, Reversed, Notification → Completed) are manual; Pending Approval’s "System, based on approval request outcome" cells are follow-ups of the supervisor’s decision; Transfer Requested’s system outcome of C1-FUNDTRFR (funds transfer, no library algorithm: gap) is the follow-up of the result that records the transfer, which the system or an associate records.',
    'Event Manager withdrawal ("when a payment arrives or a PTP is taken"): a payment or promise recorded on the case follows up to Withdrawn from Pending and Pending Approval (the statuses whose transition tables list Withdrawn); a full payment withdraws it by itself (zeroBalanceClose).',
    'Completed enter algorithms C1-REVROSO "reverse set-off" and C1-EXCLROSO reason "Reversed": this is REVERSED’s configuration pasted under Completed. REVERSED (a transition target of Notification Sent, never defined) is added as a final status carrying them; Completed gets none.',
    'Tables 6-17 and 6-18 are captioned "Settlement" and SUBMITTED’s transitions "Effected Possession" (copied captions from ch. 5); read by their section (Notification Sent, Submitted).',
    'C1-EXCLROSO (move the set-off exclusion date forward by an offset per reason, a cool-off before the next set-off): date arithmetic on the account is a gap; the reason is kept as the characteristic setOffExclusionReason for the batch that creates set-off cases.',
    'C1-CCCREATE (customer contact / notification letter) and C1-REVROSO (reverse the transfer) are to-dos: no letter or money-movement algorithm (gap).',
  ],
  category: 'ROSO',
  level: 'account',
  blockedBy: ['right_of_set_off', 'bankruptcy', 'deceased', 'financial_hardship'],
  creationFields: [textField('targetAccounts', 'Target CASA / TD accounts to debit')],
  settings: {},
  statuses: [
    {
      code: 'PENDING',
      label: 'Pending',
      kind: 'initial',
      description: 'The associate reviews the set-off and its target accounts, then submits.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        monitoring: [paidWithdraws, ...noActivity],
        exitProcessing: [closeTasks(NO_ACTIVITY_TODOS, 'C1-CLSTODO: ROSO No Activity Level 1 and 2')],
      },
    },
    {
      code: 'SUBMITTED',
      label: 'Submitted',
      kind: 'interim',
      description: 'The system decides whether the set-off needs approval.',
      actors: ['system'],
      hooks: {
        monitoring: [
          afterDaysInStatus(
            0,
            { moveTo: 'PENDINGAPPR' },
            'C1-ROSOAPPR: Approval Required Status = PENDINGAPPR (the default transition)',
          ),
        ],
      },
    },
    {
      code: 'PENDINGAPPR',
      label: 'Pending approval',
      kind: 'interim',
      description: 'A supervisor approves or rejects the set-off.',
      actors: ['supervisor'],
      hooks: {
        enterProcessing: [
          raiseTodo('ROSO_APPROVAL', 'Approve or reject the set-off', 'C1-ROSOAPPR: create an approval work item'),
        ],
        monitoring: [paidWithdraws, ...noActivity],
        exitProcessing: [
          closeTasks(
            ['ROSO_APPROVAL', ...NO_ACTIVITY_TODOS],
            'C1-ABORTAPP (abort the approval work item) and C1-CLSTODO',
          ),
        ],
      },
    },
    {
      code: 'TRANSFERREQ',
      label: 'Transfer requested',
      kind: 'interim',
      description: 'The funds are transferred from the target accounts through the ledger to the loan.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'ROSO_TRANSFER',
            'Execute the set-off transfer (target account → ledger → delinquent account)',
            'C1-FUNDTRFR: execute funds transfer',
          ),
        ],
        exitProcessing: [closeTasks(['ROSO_TRANSFER'])],
      },
    },
    {
      code: 'NOTIFY',
      label: 'Notification sent',
      kind: 'interim',
      description: 'The customer is notified of the set-off; the case completes after a day.',
      actors: ['system', 'recovery_officer'],
      hooks: {
        enterProcessing: [
          raiseTodo(
            'ROSO_NOTIFICATION',
            'Send the set-off notification to the customer',
            'C1-CCCREATE: generate customer contact',
          ),
        ],
        monitoring: [afterDaysInStatus(1, { moveTo: 'COMPLETED' }, 'CS-MONITOR: Next Status COMPLETED, No Of Days 1')],
        exitProcessing: [closeTasks(['ROSO_COMPLETION_FAILED'], 'C1-CLSTODO: To-Do Type ROSO Completion Failed')],
      },
    },
    {
      code: 'COMPLETED',
      label: 'Completed',
      kind: 'final',
      description: 'The set-off is done.',
      actors: [],
    },
    {
      code: 'REVERSED',
      label: 'Reversed',
      kind: 'final',
      description:
        'The set-off was reversed after the notification (the guide prints its configuration under Completed).',
      actors: [],
      hooks: {
        enterProcessing: [
          raiseTodo('ROSO_REVERSE', 'Reverse the set-off transfer', 'C1-REVROSO: reverse set-off'),
          setCharacteristic('setOffExclusionReason', 'reversed', 'C1-EXCLROSO: reason code Reversed'),
        ],
      },
    },
    {
      code: 'REJECTED',
      label: 'Rejected',
      kind: 'final',
      description: 'The approver rejected the set-off.',
      actors: [],
      hooks: { enterProcessing: cancelSetOff('rejected', 'C1-EXCLROSO: reason code Rejected') },
    },
    {
      code: 'CANCELLED',
      label: 'Cancelled',
      kind: 'final',
      description: 'Cancelled by the associate, or the transfer failed.',
      actors: [],
      hooks: { enterProcessing: cancelSetOff('cancel_reason', 'C1-EXCLROSO: offset by the cancel reason') },
    },
    {
      code: 'WITHDRAWN',
      label: 'Withdrawn',
      kind: 'final',
      description: 'A payment arrived or a promise to pay was taken.',
      actors: [],
      hooks: { enterProcessing: cancelSetOff('withdrawn', 'C1-EXCLROSO: reason code Withdrawn') },
    },
  ],
  transitions: [
    followUp('PENDING', 'SUBMITTED'),
    manual('PENDING', 'CANCELLED'),
    system('PENDING', 'WITHDRAWN'),
    followUp('PENDING', 'WITHDRAWN'),
    {
      from: 'SUBMITTED',
      to: 'TRANSFERREQ',
      mode: 'system',
      guard: { guard: 'amountDueBelow', params: { cents: APPROVAL_THRESHOLD_CENTS } },
    },
    system('SUBMITTED', 'PENDINGAPPR'),
    followUp('PENDINGAPPR', 'TRANSFERREQ'),
    followUp('PENDINGAPPR', 'REJECTED'),
    manual('PENDINGAPPR', 'CANCELLED'),
    system('PENDINGAPPR', 'WITHDRAWN'),
    followUp('PENDINGAPPR', 'WITHDRAWN'),
    followUp('TRANSFERREQ', 'NOTIFY'),
    followUp('TRANSFERREQ', 'CANCELLED'),
    system('NOTIFY', 'COMPLETED'),
    manual('NOTIFY', 'COMPLETED'),
    manual('NOTIFY', 'REVERSED'),
  ],
  actions: [
    {
      code: 'submitSetOff',
      label: 'Submit the set-off',
      roles: OFFICERS,
      statuses: ['PENDING'],
      results: [
        {
          code: 'submitted',
          label: 'Target accounts reviewed: submitted',
          effects: ['recordNote'],
          fields: [amountField('setOffAmountCents', 'Amount to set off')],
          next: 'SUBMITTED',
        },
      ],
    },
    {
      code: 'customerPaid',
      label: 'Payment or promise received',
      roles: ['recovery_officer', 'supervisor', 'system'],
      statuses: ['PENDING', 'PENDINGAPPR'],
      results: [
        {
          code: 'payment_received',
          label: 'Payment received: withdraw',
          effects: ['recordPayment'],
          next: 'WITHDRAWN',
        },
        {
          code: 'promise_taken',
          label: 'Promise to pay taken: withdraw',
          effects: ['recordPromise'],
          next: 'WITHDRAWN',
        },
      ],
    },
    {
      code: 'decideSetOff',
      label: 'Approve or reject the set-off',
      roles: ['supervisor'],
      statuses: ['PENDINGAPPR'],
      results: [
        noteResult('approved', 'Approved', 'TRANSFERREQ'),
        { code: 'rejected', label: 'Rejected', effects: ['setClosureReason'], next: 'REJECTED' },
      ],
    },
    {
      code: 'recordTransfer',
      label: 'Record the funds transfer',
      roles: ['system', 'recovery_officer'],
      statuses: ['TRANSFERREQ'],
      results: [
        {
          code: 'transferred',
          label: 'Transfer succeeded (host status 0)',
          effects: ['recordPayment'],
          next: 'NOTIFY',
        },
        {
          code: 'transfer_failed',
          label: 'Transfer failed',
          effects: ['setClosureReason'],
          next: 'CANCELLED',
        },
      ],
    },
  ],
});
