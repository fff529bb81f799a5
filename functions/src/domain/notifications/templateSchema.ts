import { z } from 'zod';
import { EVENT_KINDS } from './events';
import { BODY_MAX, SUBJECT_MAX, type TemplateOverrides } from './templateCheck';
import { LANGUAGES, type TemplateKey } from './templates';

const TEMPLATE_KEYS = [...EVENT_KINDS, ...EVENT_KINDS.map((k) => `${k}.customer` as const)] as [
  TemplateKey,
  ...TemplateKey[],
];

/** The shape of stored and submitted template edits; what the texts may say is templateOverrideProblems's job. */
export const templateOverridesSchema: z.ZodType<TemplateOverrides> = z.partialRecord(
  z.enum(LANGUAGES, { error: 'is not a language' }),
  z.partialRecord(
    z.enum(TEMPLATE_KEYS, { error: 'is not a kind of notification' }),
    z.strictObject({
      // Slack above the limits, so an over-long text gets the template screen's message beside its box.
      subject: z.string().max(SUBJECT_MAX * 4),
      body: z.string().max(BODY_MAX * 4),
    }),
  ),
);
