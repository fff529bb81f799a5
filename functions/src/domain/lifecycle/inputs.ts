import { z } from 'zod';
import { isCalendarDate } from '../model/time';

/** Building blocks for action inputs, with messages a tired user can act on. */
export const calendarDate = z
  .string({ error: 'must be a date' })
  .refine(isCalendarDate, { message: 'must be a real date in the form YYYY-MM-DD' });

export const positiveCents = z
  .number({ error: 'must be an amount in cents' })
  .int({ message: 'must be a whole number of cents' })
  .positive({ message: 'must be more than zero' })
  .max(100_000_000_000, { message: 'is larger than any plausible amount' });

const textError = (iss: { input: unknown }) => (iss.input === undefined ? 'is required' : 'must be text');

export const shortText = (max: number) =>
  z
    .string({ error: textError })
    .trim()
    .min(1, { message: 'is required' })
    .max(max, { message: `must be at most ${max} characters` });

export const optionalNotes = z
  .string()
  .trim()
  .max(2000, { message: 'must be at most 2000 characters' })
  .optional()
  .default('');

export const CONTACT_CHANNELS = ['phone', 'visit', 'sms', 'email', 'letter'] as const;

export const optionalText = (max: number) =>
  z
    .string({ error: textError })
    .trim()
    .min(1, { message: 'must not be blank (leave it out instead)' })
    .max(max, { message: `must be at most ${max} characters` })
    .optional();

/** A phone number as people write it (+94 77 123 4567, 077-1234567): 9 to 15 digits. */
export const phoneNumber = z
  .string({ error: 'must be a phone number' })
  .trim()
  .regex(/^\+?[\d\s()-]+$/, { message: 'must contain only digits, spaces, +, - and brackets' })
  .refine(
    (v) => {
      const digits = v.replace(/\D/g, '').length;
      return digits >= 9 && digits <= 15;
    },
    { message: 'must have 9 to 15 digits' },
  );

export const emailAddress = z
  .string({ error: 'must be an email address' })
  .trim()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'is not a valid email address' }));

/** Why a CPE collection failed, as the RO picks it in the field. */
export const CPE_FAILURE_REASONS = [
  'customer_refused',
  'not_at_home',
  'item_lost',
  'item_damaged',
  'address_not_found',
  'other',
] as const;
export type CpeFailureReason = (typeof CPE_FAILURE_REASONS)[number];

/** A phone's position fix: WGS 84 degrees and its accuracy radius in metres. */
export const geoPoint = z.strictObject(
  {
    lat: z
      .number({ error: 'must be a latitude in degrees' })
      .min(-90, 'must be -90 to 90')
      .max(90, 'must be -90 to 90'),
    lng: z
      .number({ error: 'must be a longitude in degrees' })
      .min(-180, 'must be -180 to 180')
      .max(180, 'must be -180 to 180'),
    accuracyM: z
      .number({ error: 'must be metres' })
      .nonnegative('must not be negative')
      .max(100_000, 'must be at most 100000 metres')
      .nullish(),
  },
  { error: 'must be {lat, lng, accuracyM}' },
);
