import { z } from 'zod';
import { emailAddress, phoneNumber } from '../../domain/lifecycle/inputs';
import { FIELD_ROLES } from '../access';
import { defineOperation } from '../registry';
import { caseId, clientRequestId, expectedRev, writeOutput } from '../schemas';
import { submitCaseWrite } from '../writes';

/**
 * A contact correction is the life cycle's `updateContacts` action (domain/lifecycle/effects.ts): the old value is
 * kept in the case's contact history with the reason, never overwritten silently, and old numbers stay searchable.
 * The field rules are the action's own, so the API and the web form accept exactly the same input.
 */
const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be blank (leave it out instead)')
    .max(max, `must be at most ${max} characters`);

const CONTACT_FIELDS = ['phone', 'altPhone', 'email', 'address', 'city'] as const;

export const updateCustomerContacts = defineOperation({
  name: 'updateCustomerContacts',
  summary: 'Correct the customer’s phone numbers, email or address as found in the field, with the reason.',
  description:
    'The field API’s Update_Customer_Contacts. At least one of phone, altPhone, email, address, city, and a reason. The previous values stay in the case’s contact history.',
  tag: 'Cases',
  method: 'POST',
  path: '/cases/{caseId}/customer-contacts',
  roles: FIELD_ROLES,
  input: z
    .strictObject({
      caseId,
      expectedRev,
      clientRequestId,
      phone: phoneNumber.nullish(),
      altPhone: phoneNumber.nullish(),
      email: emailAddress.nullish(),
      address: text(300).nullish(),
      city: text(100).nullish(),
      reason: z
        .string({ error: 'is required' })
        .trim()
        .min(1, 'is required')
        .max(500, 'must be at most 500 characters'),
    })
    .refine((v) => CONTACT_FIELDS.some((f) => v[f]), {
      message: 'give at least one of phone, altPhone, email, address, city',
      path: ['phone'],
    }),
  output: writeOutput,
  handler: async (actor, input) =>
    submitCaseWrite(actor, {
      caseId: input.caseId,
      expectedRev: input.expectedRev,
      clientRequestId: input.clientRequestId,
      type: 'caseAction',
      payload: {
        action: 'updateContacts',
        result: 'updated',
        inputs: {
          ...Object.fromEntries(CONTACT_FIELDS.filter((f) => input[f]).map((f) => [f, input[f]])),
          reason: input.reason,
        },
      },
    }),
});
