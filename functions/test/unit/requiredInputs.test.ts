import type { z } from 'zod';
import { applyAction, resultInputSchema } from '../../src/domain/lifecycle/engine';
import { SHIPPED_CASE_TYPES } from '../../src/domain/lifecycle/configs';
import type { CaseState } from '../../src/domain/model/case';
import { demoCaseInStatus } from '../support/caseFactory';

/** Every action of every shipped configuration refuses a submission without its required inputs, naming each. */
const rows = SHIPPED_CASE_TYPES.flatMap((config) =>
  config.actions.flatMap((action) =>
    action.results.map((result) => ({ config, action, result, name: `${config.id} ${action.code}/${result.code}` })),
  ),
);

describe('required inputs are enforced', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, { config, action, result }) => {
    const schema = resultInputSchema(result);
    const required = Object.entries(schema.shape)
      .filter(([, s]) => !(s as z.ZodType).safeParse(undefined).success)
      .map(([k]) => k)
      .sort();
    const status = action.statuses.find((s) => s !== '*') ?? config.statuses.find((s) => s.kind !== 'final')!.code;
    const c: CaseState = demoCaseInStatus(config, status);
    const actor = { uid: 'tester', role: action.roles[0]!, drcId: c.drcId };
    const r = applyAction(
      config,
      c,
      { action: action.code, result: result.code, inputs: {}, requestId: 'r' },
      actor,
      '2026-11-23T10:00:00.000Z',
    );
    if (required.length === 0) {
      // Nothing required: the refusal, if any, is about the case, never about missing input.
      if (!r.ok) expect(r.code).not.toBe('invalid-input');
      return;
    }
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('invalid-input');
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(required);
  });
});
