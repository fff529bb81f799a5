import type { CaseTypeConfig } from '../types';

const WORKING = ['RO_ASSIGNED', 'NEGOTIATION', 'SETTLEMENT', 'MEDIATION_BOARD'];

/** Seed 000 §2.2: assignments have a validity period; warn a week ahead, and on expiry the case returns to its DRC. */
const VALIDITY = {
  warnDaysBefore: 7,
  todo: { type: 'validity_expiring', label: 'Validity period ends soon: request an extension' },
};

/**
 * The DebtX telecom recovery life cycle (seed 000 §2.1): a case is registered, placed with a DRC,
 * assigned to an RO, negotiated, settled and paid (and/or its CPE collected and approved by RCMP),
 * escalated to the mediation board or legal when negotiation fails, and closed or written off.
 */
export const debtxTelco: CaseTypeConfig = {
  id: 'debtx_telco',
  version: 1,
  name: 'DebtX telecom recovery',
  description: 'Arrears and CPE recovery through DRCs and their recovery officers.',
  readings: [
    'Seed 000 §2.1 says a CPE case "is considered successful after the unit is gathered and approved by the RCMP": the CPE part resolves only when every item is approved, not when collected.',
    'Seed 000 runs arrears and CPE collection side by side for "collect arrears and CPE"; the case closes when both parts are resolved, whichever finishes last.',
    'Placement with a DRC and assignment to an RO move the case by system transitions (guards hasDrc / hasRo), so a reassignment never needs its own status path.',
    'Seed 000 §2.2 gives assignments a validity period but no length; 60 days, warned 7 days ahead, is our default. On expiry the RO loses the case and it returns to the DRC (issue 4 adds extensions).',
    'A settlement with an instalment 30 days overdue is treated as broken: the case returns to negotiation (seed 002 §3.2 broken arrangements).',
  ],
  category: 'TelcoRecovery',
  level: 'account',
  settings: { validityDays: 60, maxRoDiscountPct: 10, maxInstalments: 12 },
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
        monitoring: [
          {
            algorithm: 'afterDaysInStatus',
            params: { days: 3, todo: { type: 'assign_ro', label: 'Assign this case to a recovery officer' } },
          },
        ],
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
          {
            algorithm: 'afterDaysInStatus',
            params: { days: 5, todo: { type: 'first_contact', label: 'No contact recorded yet: reach the customer' } },
          },
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
          {
            algorithm: 'afterDaysInStatus',
            params: {
              days: 30,
              todo: { type: 'negotiation_stalled', label: 'Negotiating for 30 days: settle or escalate' },
            },
          },
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
          {
            algorithm: 'afterDaysInStatus',
            params: {
              days: 45,
              todo: { type: 'board_follow_up', label: '45 days before the board: record the outcome' },
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
    { from: 'SETTLEMENT', to: 'NEGOTIATION', mode: 'system' },
    { from: '*', to: 'WRITTEN_OFF', mode: 'system' },
    { from: 'RO_ASSIGNED', to: 'NEGOTIATION', mode: 'followUp' },
    { from: 'RO_ASSIGNED', to: 'SETTLEMENT', mode: 'followUp' },
    { from: 'NEGOTIATION', to: 'SETTLEMENT', mode: 'followUp' },
    { from: 'NEGOTIATION', to: 'MEDIATION_BOARD', mode: 'followUp' },
    { from: 'SETTLEMENT', to: 'NEGOTIATION', mode: 'followUp' },
    { from: 'SETTLEMENT', to: 'MEDIATION_BOARD', mode: 'followUp' },
    { from: 'MEDIATION_BOARD', to: 'SETTLEMENT', mode: 'followUp' },
    { from: 'MEDIATION_BOARD', to: 'LEGAL', mode: 'followUp' },
    { from: '*', to: 'WRITTEN_OFF', mode: 'manual', roles: ['supervisor'] },
    { from: '*', to: 'WITHDRAWN', mode: 'manual', roles: ['recovery_officer', 'supervisor'] },
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
        { code: 'no_answer', label: 'No answer', effects: ['recordContact'], next: 'NEGOTIATION' },
        { code: 'call_back', label: 'Asked to call back', effects: ['recordContact'], next: 'NEGOTIATION' },
        { code: 'refused', label: 'Refused to pay', effects: ['recordContact'], next: 'NEGOTIATION' },
        {
          code: 'promised',
          label: 'Promised to pay',
          effects: ['recordContact', 'recordPromise'],
          next: 'NEGOTIATION',
        },
        {
          code: 'settlement_agreed',
          label: 'Settlement agreed',
          effects: ['recordContact', 'agreeSettlement'],
          next: 'SETTLEMENT',
        },
      ],
    },
    {
      code: 'recordPayment',
      label: 'Record a payment',
      roles: ['ro', 'recovery_officer'],
      statuses: ['DRC_ASSIGNED', ...WORKING, 'LEGAL'],
      results: [{ code: 'received', label: 'Payment received', effects: ['recordPayment'] }],
    },
    {
      code: 'recordCpeCollection',
      label: 'Record CPE collected',
      roles: ['ro'],
      statuses: WORKING,
      results: [{ code: 'collected', label: 'Collected', effects: ['recordCpeCollection'] }],
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
      results: [{ code: 'escalated', label: 'Negotiation failed', effects: ['recordNote'], next: 'MEDIATION_BOARD' }],
    },
    {
      code: 'boardOutcome',
      label: 'Record the mediation board outcome',
      roles: ['mediation_board'],
      statuses: ['MEDIATION_BOARD'],
      results: [
        { code: 'settled', label: 'Customer agreed to settle', effects: ['recordNote'], next: 'SETTLEMENT' },
        { code: 'unresolved', label: 'Unresolved: to dispute / legal', effects: ['recordNote'], next: 'LEGAL' },
      ],
    },
  ],
};
