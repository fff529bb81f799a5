import type { CaseTypeConfig, FieldDef } from '../types';
import { OFFICERS, system, followUp, manual, todoAfterDays, recordPaymentAction, translated } from './build';

const WORKING = ['RO_ASSIGNED', 'NEGOTIATION', 'SETTLEMENT', 'MEDIATION_BOARD'];

/**
 * Assignments have a validity period (docs/domain.md); warn a week ahead, and on expiry without an extension the
 * case returns to the recovery section, which places it again (docs/decisions/0040-validity-lapse-and-extension.md).
 */
const VALIDITY = {
  warnDaysBefore: 7,
  todo: { type: 'validity_expiring', label: 'Validity period ends soon: request an extension' },
  returnTo: 'section' as const,
};

/**
 * The reason of delinquency: why the customer fell behind, from a list the operator configures (kept in
 * characteristics). The field API offers the shipped list; the life cycle checks the case type's own.
 */
export const DELINQUENCY_REASONS = [
  'financial_hardship',
  'job_loss',
  'illness',
  'billing_dispute',
  'service_complaint',
  'moved_away',
  'forgot',
  'refuses',
  'unknown',
  'other',
] as const;
const DELINQUENCY_REASON: FieldDef = {
  name: 'delinquencyReason',
  label: 'Reason of delinquency',
  type: 'choice',
  required: false,
  choices: [...DELINQUENCY_REASONS],
};
const contact = (code: string, label: string, effects: string[], next: string) => ({
  code,
  label,
  effects: ['recordContact', ...effects],
  fields: [DELINQUENCY_REASON],
  next,
});

/**
 * The DebtX telecom recovery life cycle (docs/domain.md): a case is registered, placed with a DRC,
 * assigned to an RO, negotiated, settled and paid (and/or its CPE collected and approved by RCMP),
 * escalated to the mediation board or legal when negotiation fails, and closed or written off.
 */
export const debtxTelco: CaseTypeConfig = translated({
  id: 'debtx_telco',
  version: 1,
  name: 'DebtX telecom recovery',
  description: 'Arrears and CPE recovery through DRCs and their recovery officers.',
  readings: [
    'The operator considers a CPE case "successful after the unit is gathered and approved by the RCMP": the CPE part resolves only when every item is approved, not when collected.',
    'Runs arrears and CPE collection side by side for "collect arrears and CPE"; the case closes when both parts are resolved, whichever finishes last.',
    'Placement with a DRC and assignment to an RO move the case by system transitions (guards hasDrc / hasRo), so a reassignment never needs its own status path.',
    'The operator gives assignments a validity period but no length; 60 days, warned 7 days ahead, is our default. On expiry the case returns to the recovery section (the DRC and the RO lose it; the section places it again), unless the RO asked for an extension: a request waiting for an officer holds the expiry, an approved one moves the end, a rejected one lets the expiry apply at the next monitor run.',
    'A DRC admin who assigns an RO after the validity ended (a case left with the DRC by an older rule or another life cycle) starts a new validity period; assigning another RO while it runs keeps its end.',
    'A settlement with an instalment 30 days overdue is treated as broken: the case returns to negotiation (a broken arrangement, as bank collection systems treat it).',
    'Contact outcomes are the results of “Record a customer contact”; the reasons of delinquency are the choices of its delinquencyReason field. Both are configuration.',
    'A contact that learns of a dispute, a death, a bankruptcy or a request not to be contacted raises the matching indicator; the contact gate then stops contact until an officer clears it with a reason.',
    'A settlement whose discount is above the RO limit is “proposed”: it applies only when a supervisor other than its maker approves it (decision 0013).',
    'A failed CPE collection returns the case to negotiation when the customer was not reached, and escalates it to the mediation board when the customer refused (a failed collection goes back to negotiation or escalation); when the customer was met but the item could not be taken (lost, damaged) the case stays where it is and the item stays to collect.',
    'Mediation board phases: escalated → letter requested (an RO request) → letter issued (the request approved) → hearing scheduled → customer responded → settled / unresolved.',
  ],
  category: 'TelcoRecovery',
  level: 'account',
  settings: { validityDays: 60, maxRoDiscountPct: 10, maxInstalments: 12, maxExtensionDays: 30 },
  statuses: [
    {
      code: 'OPEN',
      label: 'Open',
      kind: 'initial',
      description: 'Registered and validated; waiting to be placed with a DRC.',
      actors: ['system', 'recovery_officer'],
    },
    {
      code: 'DRC_ASSIGNED',
      label: 'With DRC',
      kind: 'interim',
      description: 'Placed with a DRC; waiting for the DRC to assign a recovery officer.',
      actors: ['drc_admin'],
      hooks: {
        monitoring: [todoAfterDays(3, 'assign_ro', 'Assign this case to a recovery officer')],
      },
    },
    {
      code: 'RO_ASSIGNED',
      label: 'With RO',
      kind: 'interim',
      description: 'Assigned to a recovery officer who has not reached the customer yet.',
      actors: ['ro'],
      hooks: {
        monitoring: [
          { algorithm: 'accountStatusMirror', params: { map: { closed_written_off: 'WRITTEN_OFF' } } },
          todoAfterDays(5, 'first_contact', 'No contact recorded yet: reach the customer'),
          { algorithm: 'validityExpiry', params: VALIDITY },
        ],
      },
    },
    {
      code: 'NEGOTIATION',
      label: 'Negotiation',
      kind: 'interim',
      description: 'The recovery officer is negotiating with the customer.',
      actors: ['ro'],
      hooks: {
        monitoring: [
          { algorithm: 'accountStatusMirror', params: { map: { closed_written_off: 'WRITTEN_OFF' } } },
          {
            algorithm: 'promiseWatch',
            params: { toleranceDays: 2, todo: { type: 'promise_broken', label: 'Promise to pay broken: follow up' } },
          },
          todoAfterDays(30, 'negotiation_stalled', 'Negotiating for 30 days: settle or escalate'),
          { algorithm: 'validityExpiry', params: VALIDITY },
        ],
      },
    },
    {
      code: 'SETTLEMENT',
      label: 'Settlement',
      kind: 'interim',
      description: 'A settlement is agreed; payments (and CPE returns) are being collected.',
      actors: ['ro'],
      hooks: {
        monitoring: [
          { algorithm: 'accountStatusMirror', params: { map: { closed_written_off: 'WRITTEN_OFF' } } },
          {
            algorithm: 'instalmentOverdue',
            params: {
              graceDays: 3,
              todo: { type: 'instalment_overdue', label: 'Instalment overdue: contact the customer' },
            },
          },
          {
            algorithm: 'instalmentOverdue',
            params: { graceDays: 30, moveTo: 'NEGOTIATION' },
            note: 'settlement broken',
          },
          { algorithm: 'validityExpiry', params: VALIDITY },
        ],
      },
    },
    {
      code: 'MEDIATION_BOARD',
      label: 'Mediation board',
      kind: 'interim',
      description: 'Negotiation failed; the case is before the mediation board.',
      actors: ['ro', 'mediation_board'],
      hooks: {
        monitoring: [
          todoAfterDays(45, 'board_follow_up', '45 days before the board: record the outcome'),
          {
            algorithm: 'boardHearingWatch',
            params: {
              graceDays: 2,
              todo: {
                type: 'board_response_missing',
                label: 'The board hearing is past: record the customer’s response',
              },
            },
          },
        ],
      },
    },
    {
      code: 'LEGAL',
      label: 'Dispute / legal',
      kind: 'interim',
      description: 'The mediation board could not resolve it; dispute resolution or legal action.',
      actors: ['supervisor', 'recovery_officer'],
    },
    {
      code: 'CLOSED_RECOVERED',
      label: 'Closed: recovered',
      kind: 'final',
      description: 'Paid or settled in full, and every CPE item returned and approved.',
      actors: [],
    },
    {
      code: 'WRITTEN_OFF',
      label: 'Written off',
      kind: 'final',
      description: 'Closed without full recovery, by an authorised role.',
      actors: [],
    },
    {
      code: 'WITHDRAWN',
      label: 'Withdrawn',
      kind: 'final',
      description: 'Withdrawn by the operator (registered in error, or settled outside DebtX).',
      actors: [],
    },
  ],
  transitions: [
    // Resolution first: a case whose parts are all resolved closes, whatever else holds.
    { from: '*', to: 'CLOSED_RECOVERED', mode: 'system', guard: { guard: 'allResolved' } },
    { from: 'OPEN', to: 'DRC_ASSIGNED', mode: 'system', guard: { guard: 'hasDrc' } },
    { from: 'DRC_ASSIGNED', to: 'RO_ASSIGNED', mode: 'system', guard: { guard: 'hasRo' } },
    { from: 'DRC_ASSIGNED', to: 'OPEN', mode: 'system', guard: { guard: 'noDrc' } },
    { from: 'RO_ASSIGNED', to: 'DRC_ASSIGNED', mode: 'system', guard: { guard: 'noRo' } },
    { from: 'NEGOTIATION', to: 'DRC_ASSIGNED', mode: 'system', guard: { guard: 'noRo' } },
    { from: 'SETTLEMENT', to: 'DRC_ASSIGNED', mode: 'system', guard: { guard: 'noRo' } },
    system('SETTLEMENT', 'NEGOTIATION'),
    system('*', 'WRITTEN_OFF'),
    followUp('RO_ASSIGNED', 'NEGOTIATION'),
    followUp('RO_ASSIGNED', 'SETTLEMENT'),
    followUp('RO_ASSIGNED', 'MEDIATION_BOARD'),
    followUp('NEGOTIATION', 'SETTLEMENT'),
    followUp('NEGOTIATION', 'MEDIATION_BOARD'),
    followUp('SETTLEMENT', 'NEGOTIATION'),
    followUp('SETTLEMENT', 'MEDIATION_BOARD'),
    followUp('MEDIATION_BOARD', 'SETTLEMENT'),
    followUp('MEDIATION_BOARD', 'LEGAL'),
    manual('*', 'WRITTEN_OFF', ['supervisor']),
    manual('*', 'WITHDRAWN'),
  ],
  actions: [
    {
      code: 'assignDrc',
      label: 'Place with a DRC',
      roles: ['system', 'recovery_officer', 'supervisor'],
      statuses: ['OPEN'],
      results: [{ code: 'assigned', label: 'Placed', effects: ['assignDrc'] }],
    },
    {
      code: 'assignRo',
      label: 'Assign to a recovery officer',
      roles: ['drc_admin'],
      statuses: ['DRC_ASSIGNED', ...WORKING],
      results: [{ code: 'assigned', label: 'Assigned', effects: ['assignRo'] }],
    },
    {
      code: 'recordContact',
      label: 'Record a customer contact',
      roles: ['ro'],
      statuses: ['RO_ASSIGNED', 'NEGOTIATION', 'SETTLEMENT'],
      results: [
        contact('no_answer', 'No answer', [], 'NEGOTIATION'),
        contact('call_back', 'Asked to call back', [], 'NEGOTIATION'),
        contact('wrong_number', 'Wrong number / not the customer', [], 'NEGOTIATION'),
        contact('disputes', 'Disputes the debt', ['indicateDispute'], 'NEGOTIATION'),
        contact('customer_deceased', 'Customer reported deceased', ['indicateDeceased'], 'NEGOTIATION'),
        contact('bankrupt', 'Customer reports a bankruptcy', ['indicateBankruptcy'], 'NEGOTIATION'),
        contact('do_not_contact', 'Asked not to be contacted', ['indicateDoNotContact'], 'NEGOTIATION'),
        contact('refused', 'Refused to pay', [], 'NEGOTIATION'),
        contact('promised', 'Promised to pay', ['recordPromise'], 'NEGOTIATION'),
        contact('settlement_agreed', 'Settlement agreed', ['agreeSettlement'], 'SETTLEMENT'),
        contact(
          'settlement_proposed',
          'Settlement proposed (discount needs approval)',
          ['proposeSettlement'],
          'NEGOTIATION',
        ),
      ],
    },
    {
      code: 'decideSettlement',
      label: 'Approve or reject a proposed settlement',
      roles: ['supervisor'],
      statuses: ['NEGOTIATION', 'SETTLEMENT', 'MEDIATION_BOARD'],
      results: [
        { code: 'approved', label: 'Approve', effects: ['decideSettlementApproval'], next: 'SETTLEMENT' },
        { code: 'rejected', label: 'Reject', effects: ['decideSettlementApproval'] },
      ],
    },
    recordPaymentAction({ roles: ['ro', 'recovery_officer'], statuses: ['DRC_ASSIGNED', ...WORKING, 'LEGAL'] }),
    {
      code: 'reversePayment',
      label: 'Reverse a payment',
      roles: OFFICERS,
      statuses: ['DRC_ASSIGNED', ...WORKING, 'LEGAL'],
      allowedOnHold: true,
      results: [{ code: 'reversed', label: 'Payment reversed', effects: ['reversePayment'] }],
    },
    {
      code: 'recordCpeCollection',
      label: 'Record CPE collected',
      roles: ['ro'],
      statuses: WORKING,
      results: [{ code: 'collected', label: 'Collected', effects: ['recordCpeCollection'] }],
    },
    {
      code: 'cpeCollectionFailed',
      label: 'Record a failed CPE collection',
      roles: ['ro'],
      statuses: ['RO_ASSIGNED', 'NEGOTIATION', 'SETTLEMENT'],
      results: [
        { code: 'not_reached', label: 'Customer not reached', effects: ['recordCpeFailure'], next: 'NEGOTIATION' },
        {
          code: 'refused',
          label: 'Customer refused to return it',
          effects: ['recordCpeFailure', 'openBoardRecord'],
          next: 'MEDIATION_BOARD',
        },
        // The customer was met but the item could not be taken (lost, damaged...): it stays to collect.
        { code: 'not_collected', label: 'Item could not be collected', effects: ['recordCpeFailure'] },
      ],
    },
    {
      code: 'decideCpe',
      label: 'Approve or reject returned CPE',
      roles: ['rcmp'],
      statuses: ['*'],
      results: [{ code: 'decided', label: 'Decided', effects: ['decideCpe'] }],
    },
    {
      code: 'escalate',
      label: 'Escalate to the mediation board',
      roles: ['ro'],
      statuses: ['NEGOTIATION', 'SETTLEMENT'],
      results: [
        { code: 'escalated', label: 'Negotiation failed', effects: ['escalateToBoard'], next: 'MEDIATION_BOARD' },
      ],
    },
    {
      code: 'roRequest',
      label: 'Request from the recovery section',
      roles: ['ro'],
      statuses: WORKING,
      results: [
        { code: 'board_letter', label: 'Mediation board letter', effects: ['openRoRequest'] },
        { code: 'validity_extension', label: 'Extend the validity period', effects: ['requestExtension'] },
        { code: 'field_support', label: 'Field support (visit with an officer)', effects: ['openRoRequest'] },
        { code: 'other', label: 'Other request', effects: ['openRoRequest'] },
      ],
    },
    {
      code: 'decideRoRequest',
      label: 'Decide an RO request',
      roles: OFFICERS,
      statuses: ['*'],
      allowedOnHold: true,
      results: [
        { code: 'approved', label: 'Approve', effects: ['decideRoRequest'] },
        { code: 'rejected', label: 'Reject', effects: ['decideRoRequest'] },
      ],
    },
    {
      code: 'scheduleHearing',
      label: 'Schedule the board hearing',
      roles: ['mediation_board'],
      statuses: ['MEDIATION_BOARD'],
      results: [{ code: 'scheduled', label: 'Hearing scheduled', effects: ['scheduleHearing'] }],
    },
    {
      code: 'boardResponse',
      label: 'Record the customer’s response to the board',
      roles: ['mediation_board', 'ro'],
      statuses: ['MEDIATION_BOARD'],
      results: [
        { code: 'attended_agreed', label: 'Attended and agreed to pay', effects: ['boardResponse'] },
        { code: 'attended_disputed', label: 'Attended and disputed', effects: ['boardResponse'] },
        { code: 'absent', label: 'Did not attend', effects: ['boardResponse'] },
      ],
    },
    {
      code: 'boardOutcome',
      label: 'Record the mediation board outcome',
      roles: ['mediation_board'],
      statuses: ['MEDIATION_BOARD'],
      results: [
        { code: 'settled', label: 'Customer agreed to settle', effects: ['boardOutcome'], next: 'SETTLEMENT' },
        { code: 'unresolved', label: 'Unresolved: to dispute / legal', effects: ['boardOutcome'], next: 'LEGAL' },
      ],
    },
    {
      code: 'updateContacts',
      label: 'Update the customer’s contact details',
      // A DRC admin phones customers too (the field API's Update_Customer_Contacts serves DRC admins and ROs).
      roles: ['ro', 'drc_admin', 'recovery_officer', 'supervisor'],
      statuses: ['*'],
      allowedOnHold: true,
      results: [{ code: 'updated', label: 'Contact details updated', effects: ['updateContacts'] }],
    },
  ],
});
