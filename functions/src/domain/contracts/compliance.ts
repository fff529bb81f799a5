import { z } from 'zod';
import { caseIndicator } from '../cases/indicators';
import { CONTACT_CHANNELS } from '../lifecycle/inputs';
import { contactPolicySchema } from '../notifications/compliance';
import { CONFIGURATION_EDITORS, FIELD_ROLES, RECOVERY_OFFICER_ROLES } from '../policy/operationRoles';
import { defineContract } from './define';
import { caseId } from './schemas';

/**
 * The contact-compliance gate as operations: the indicators that stop contact (raised and cleared by officers,
 * the clearing always with a reason), the gate's verdict on a contact an RO is about to make, and the contact
 * policy (caps, hours, blocking indicators) an administrator proposes and a second person approves.
 */

const reason = z
  .string({ error: 'is required' })
  .trim()
  .min(3, 'please give a reason (at least 3 characters)')
  .max(1000, 'must be at most 1000 characters');

const indicatorOutput = z.object({
  caseId: z.string(),
  indicators: z.array(z.string()),
  changed: z.boolean().describe('False when the case already carried the indicator: nothing was written.'),
  rev: z.number().int(),
});

export const setCaseIndicator = defineContract({
  name: 'setCaseIndicator',
  summary: 'Raise a dispute, deceased, bankruptcy or do-not-contact indicator on a case (stops contact).',
  area: 'compliance',
  roles: RECOVERY_OFFICER_ROLES,
  input: z.strictObject({ caseId, indicator: caseIndicator, reason }),
  output: indicatorOutput,
});

export const clearCaseIndicator = defineContract({
  name: 'clearCaseIndicator',
  summary: 'Clear an indicator from a case, with the reason (audited); the only way an indicator goes.',
  area: 'compliance',
  roles: RECOVERY_OFFICER_ROLES,
  input: z.strictObject({ caseId, indicator: caseIndicator, reason }),
  output: indicatorOutput,
});

export const CONTACT_FINDINGS = [
  'opted_out',
  'indicator',
  'hold',
  'quiet_hours',
  'daily_cap',
  'weekly_cap',
  'partly_opted_out',
] as const;

export const contactCheckOutput = z.object({
  decision: z
    .enum(['allow', 'warn', 'block'])
    .describe(
      'allow; warn (outside the hours, over the cap: the contact may still be made and is recorded with the warning); block (an opt-out, an indicator or a hold forbids it: recordContact refuses it).',
    ),
  reasons: z.array(
    z.object({
      code: z.enum(CONTACT_FINDINGS),
      /** The indicator, the hold's reason, the count, the opted-out number or when contact is allowed again. */
      detail: z.string(),
      message: z.string(),
    }),
  ),
  /** One English sentence for API clients; the web client words the codes in the user's language. */
  message: z.string(),
  policyVersion: z.number().int().describe('The approved contact policy the verdict was made under (0: the default).'),
  at: z.string(),
});

export const checkContact = defineContract({
  name: 'checkContact',
  summary: 'Whether the customer may be contacted now on a channel: allow, warn (hours, caps) or block (why).',
  description:
    'The same gate the outbound messages pass, for a call, visit or SMS the RO is about to make. recordContact refuses a contact this blocks and records a warned one with its warning.',
  area: 'compliance',
  group: 'mobile',
  rest: { method: 'GET', path: '/cases/{caseId}/contact-check', tag: 'Negotiation' },
  roles: FIELD_ROLES,
  input: z.strictObject({
    caseId,
    channel: z.enum(CONTACT_CHANNELS, { error: `must be one of ${CONTACT_CHANNELS.join(', ')}` }),
  }),
  output: contactCheckOutput,
});

const policyView = z.object({
  version: z.number().int(),
  policy: contactPolicySchema,
  proposedBy: z.string().nullable(),
  proposedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const contactPolicyOutput = z.object({
  /** In force: the approved policy, or the default (version 0) when none was ever approved. */
  active: policyView,
  /** Waiting for a second person's approval; not applied until then. */
  pending: policyView.nullable(),
  defaults: contactPolicySchema,
});

/** Who reads the contact policy: the administrators who edit it, the supervisors who approve it, the auditor. */
export const CONTACT_POLICY_READERS = ['admin', 'supervisor', 'auditor'] as const;
/** Who approves a proposed change: another administrator or a supervisor (never its maker). */
export const CONTACT_POLICY_CHECKERS = ['admin', 'supervisor'] as const;

export const getContactPolicy = defineContract({
  name: 'getContactPolicy',
  summary: 'The contact policy in force (caps, hours, blocking indicators) and any change waiting for approval.',
  area: 'compliance',
  roles: CONTACT_POLICY_READERS,
  input: z.strictObject({}),
  output: contactPolicyOutput,
});

export const proposeContactPolicy = defineContract({
  name: 'proposeContactPolicy',
  summary: 'Propose a new contact policy; it applies only once another person approves it.',
  area: 'compliance',
  roles: CONFIGURATION_EDITORS,
  input: z.strictObject({
    expectedVersion: z.number().int().min(0),
    policy: contactPolicySchema,
    note: z.string().trim().max(1000, 'must be at most 1000 characters').nullish(),
  }),
  output: contactPolicyOutput,
});

export const decideContactPolicy = defineContract({
  name: 'decideContactPolicy',
  summary: 'Approve (it applies at once) or reject the proposed contact policy; never its maker.',
  area: 'compliance',
  roles: CONTACT_POLICY_CHECKERS,
  input: z
    .strictObject({
      pendingVersion: z.number().int().min(1),
      approve: z.boolean(),
      note: z.string().trim().max(1000, 'must be at most 1000 characters').nullish(),
    })
    .refine((v) => v.approve || (v.note ?? '').length >= 3, {
      message: 'please say why the change is rejected',
      path: ['note'],
    }),
  output: contactPolicyOutput,
});

export const COMPLIANCE_CONTRACTS = [
  setCaseIndicator,
  clearCaseIndicator,
  checkContact,
  getContactPolicy,
  proposeContactPolicy,
  decideContactPolicy,
] as const;
