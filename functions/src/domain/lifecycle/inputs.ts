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

export const shortText = (max: number) =>
  z
    .string()
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
