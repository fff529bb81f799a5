import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resultInputSchema } from '../../../functions/src/domain/lifecycle/engine';
import { debtxTelco } from '../../../functions/src/domain/lifecycle/configs/debtxTelco';
import { fieldsOf } from './schemaFields';

describe('the form fields of a result', () => {
  it('asks for what a person types on a CPE collection, not the phone’s position fix', () => {
    const result = debtxTelco.actions.find((a) => a.code === 'recordCpeCollection')!.results[0]!;
    const schema = z.toJSONSchema(resultInputSchema(result), { io: 'input', unrepresentable: 'any' });
    const names = fieldsOf(schema as Record<string, unknown>, 'recordCpeCollection').map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['itemId', 'condition', 'photoRef']));
    expect(names).not.toContain('geo');
  });
});
