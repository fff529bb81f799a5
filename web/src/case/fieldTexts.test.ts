import { expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonSchema } from '../../../functions/src/domain/contracts/types';
import { resultInputSchema } from '../../../functions/src/domain/lifecycle/engine';
import { SHIPPED_CASE_TYPES } from '../../../functions/src/domain/lifecycle/configs';
import { en } from '../i18n/en';
import { si } from '../i18n/si';
import { ta } from '../i18n/ta';
import { fieldsOf } from './schemaFields';

/**
 * Every field an action form of a shipped case type shows, and every choice of its lists, is named in Sinhala and
 * Tamil: the forms label them from `field.<name>` and `option.<value>` (SchemaField.tsx), and a missing key shows an
 * English word made from the code on a Sinhala or Tamil screen. The forms are built as the case page builds them,
 * from the JSON Schema the server sends (services/caseDetail.ts).
 */
const keys = new Set<string>();
for (const type of SHIPPED_CASE_TYPES)
  for (const action of type.actions)
    for (const result of action.results) {
      const schema = z.toJSONSchema(resultInputSchema(result), { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      // A field the case type defines carries its own label and translations (checked with the case type); the
      // effects' inputs are named by the web client. Every list's choices are named by the web client.
      const own = new Set((result.fields ?? []).map((f) => f.name));
      for (const field of fieldsOf(schema, action.code)) {
        if (!own.has(field.name)) keys.add(`field.${field.name}`);
        for (const o of field.options) keys.add(`option.${o}`);
      }
    }

it('finds the shipped forms’ fields and choices', () => {
  expect(keys.size).toBeGreaterThan(20);
  expect(keys).toContain('field.channel');
  expect(keys).toContain('option.visit');
});

it.each(['en', 'si', 'ta'] as const)('names every shipped form field and choice in %s', (language) => {
  const catalogue: Record<string, string | undefined> = { en, si, ta }[language];
  expect([...keys].filter((k) => !catalogue[k]).sort()).toEqual([]);
});
