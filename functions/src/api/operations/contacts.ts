import { z } from 'zod';
import { FIELD_ROLES } from '../access';
import { defineOperation } from '../registry';
import { caseId, clientRequestId, expectedRev, writeOutput } from '../schemas';
import { submitCaseWrite } from '../writes';

/**
 * SEAM: the field life cycle adds the `updateContacts` request type that applies this (a new phone, email or
 * address on the case's customer, audited). Until it is merged the trigger rejects the request as an unknown
 * type, and the caller sees that reason through getRequestStatus.
 */
export const UPDATE_CONTACTS_REQUEST_TYPE = 'updateContacts';

export const updateCustomerContacts = defineOperation({
  name: 'updateCustomerContacts',
  summary: 'Update the customer’s phone, email or address as found in the field.',
  description: 'Seed 000 §6 Update_Customer_Contacts. At least one of phone, email, address.',
  tag: 'Cases',
  method: 'POST',
  path: '/cases/{caseId}/customer-contacts',
  roles: FIELD_ROLES,
  input: z
    .strictObject({
      caseId,
      expectedRev,
      clientRequestId,
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{9,20}$/, 'must be a phone number (9-20 digits, spaces, + - ( ))')
        .nullish(),
      email: z.email('must be an email address').max(254, 'must be at most 254 characters').nullish(),
      address: z
        .string()
        .trim()
        .min(5, 'must be at least 5 characters')
        .max(300, 'must be at most 300 characters')
        .nullish(),
      notes: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
    })
    .refine((v) => v.phone || v.email || v.address, {
      message: 'give at least one of phone, email, address',
      path: ['phone'],
    }),
  output: writeOutput,
  handler: async (actor, { caseId: id, expectedRev: rev, clientRequestId: clientId, ...rest }) =>
    submitCaseWrite(actor, {
      caseId: id,
      expectedRev: rev,
      clientRequestId: clientId,
      type: UPDATE_CONTACTS_REQUEST_TYPE,
      payload: Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined)),
    }),
});
