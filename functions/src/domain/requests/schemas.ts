import { z } from 'zod';
import { REQUIRED_ACTIONS } from '../model/case';
import { fieldMessages, type FieldNaming } from '../validation/issues';

/**
 * Request documents (`requests/{requestId}`) are how clients ask for changes (docs/architecture.md):
 * validated here at the boundary, then applied by the onRequestCreated trigger.
 */
export const accountNumberSchema = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^\d{10}$/, { message: 'must be exactly 10 digits (e.g. 0041234567)' });

export const requiredActionSchema = z.enum(REQUIRED_ACTIONS, {
  error: 'must be one of arrears, cpe, arrears_cpe',
});

export const registerCasePayload = z.strictObject({
  accountNumber: accountNumberSchema,
  requiredAction: requiredActionSchema,
  /** Which life cycle the case runs; the DebtX telecom recovery one unless said otherwise. */
  caseType: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, { message: 'is not a case type id' })
    .optional(),
  /** The case type's creation fields (e.g. date of death for a deceased case). */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

const expectedRev = z.number().int().nonnegative().optional();

export const caseActionPayload = z.strictObject({
  action: z.string().min(1).max(64),
  result: z.string().min(1).max(64),
  inputs: z.record(z.string(), z.unknown()).default({}),
  expectedRev,
});

export const manualTransitionPayload = z.strictObject({
  to: z.string().min(1).max(64),
  reason: z.string().max(1000),
  expectedRev,
});

export const completeTaskPayload = z.strictObject({
  taskId: z.string().min(1).max(300),
  notes: z.string().max(2000).optional(),
  expectedRev,
});

const caseId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { message: 'is not a case id' });

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('registerCase'), caseId: z.null().optional(), payload: registerCasePayload }),
  z.object({ type: z.literal('caseAction'), caseId, payload: caseActionPayload }),
  z.object({ type: z.literal('manualTransition'), caseId, payload: manualTransitionPayload }),
  z.object({ type: z.literal('completeTask'), caseId, payload: completeTaskPayload }),
]);

export type ParsedRequest = z.infer<typeof requestSchema>;

/** The envelope every request document carries, whoever wrote it. */
export const requestEnvelope = z.object({
  createdBy: z.string().min(1).max(128),
  clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, { message: 'must be 8-128 letters, digits, - or _' }),
  state: z.literal('PENDING'),
});

/** A request's fields as users name them: without the `payload.` prefix they never see. */
export const REQUEST_FIELDS: FieldNaming = { root: '(request)', hide: ['payload'] };

/** `field → message` of a request's (or a callable input's) zod issues. */
export function issuesToFields(error: z.ZodError): Record<string, string> {
  return fieldMessages(error.issues, REQUEST_FIELDS);
}
