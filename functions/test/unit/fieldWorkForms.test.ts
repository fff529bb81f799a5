import { z } from 'zod';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { resultInputSchema } from '../../src/domain/lifecycle/engine';

/**
 * The case page renders every result's form from its JSON Schema (getCase → web/src/case/schemaFields.ts):
 * selects from `enum`, numbers from `integer`, dates from names ending in On/Date, pickers by name
 * (itemId; requestId in decideRoRequest; reference in reversePayment). The field-work forms must come out usable.
 */
function props(
  action: string,
  result: string,
): { properties: Record<string, Record<string, unknown>>; required: string[] } {
  const def = debtxTelco.actions.find((a) => a.code === action)!.results.find((r) => r.code === result)!;
  const schema = z.toJSONSchema(resultInputSchema(def), { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    properties: schema.properties as Record<string, Record<string, unknown>>,
    required: (schema.required as string[] | undefined) ?? [],
  };
}

describe('field-work forms generated from the action schemas', () => {
  it('a contact offers the date, the channel and the configured reasons of delinquency', () => {
    const { properties, required } = props('recordContact', 'call_back');
    expect(properties.channel?.enum).toContain('visit');
    expect(properties.delinquencyReason?.enum).toEqual(debtxTelco.actions[2]!.results[0]!.fields![0]!.choices);
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['contactedOn', 'nextFollowUpOn', 'notes']));
    expect(required).toEqual(['channel']);
  });

  it('pickers and amounts are named as the form expects', () => {
    expect(Object.keys(props('decideRoRequest', 'approved').properties)).toEqual(['requestId', 'note']);
    expect(Object.keys(props('reversePayment', 'reversed').properties)).toEqual(['reference', 'reason']);
    expect(props('recordCpeCollection', 'collected').required).toEqual(['itemId', 'condition']);
    expect(props('recordContact', 'settlement_proposed').properties.instalments?.type).toBe('integer');
    expect(props('roRequest', 'validity_extension').properties.days?.type).toBe('integer');
    expect(props('roRequest', 'other').properties.days).toBeUndefined();
    expect(props('scheduleHearing', 'scheduled').required).toEqual(['hearingDate']);
    expect(props('updateContacts', 'updated').required).toEqual(['reason']);
  });
});
