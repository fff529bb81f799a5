import { z } from 'zod';
import { describeFields, fieldMessages, issueLines, pleaseCorrect } from '../../src/domain/validation/issues';
import { issuesToFields } from '../../src/domain/requests/schemas';

const schema = z.strictObject({
  payload: z.strictObject({
    reference: z.string().min(3, 'must be at least 3 characters').regex(/^\d+$/, 'must be digits'),
    paidOn: z.string({ error: 'is required' }),
    items: z.array(z.object({ code: z.string({ error: 'is required' }) })),
  }),
});

function issuesOf(input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected issues');
  return parsed.error;
}

describe('one zod-issue formatter', () => {
  const error = issuesOf({ payload: { reference: 'x', items: [{ code: 'A' }, {}] } });

  it('keeps the first message of a field, names it by its dotted path, hides wrapper parts', () => {
    expect(fieldMessages(error.issues, { root: '(request)', hide: ['payload'] })).toEqual({
      reference: 'must be at least 3 characters',
      paidOn: 'is required',
      'items.1.code': 'is required',
    });
    expect(fieldMessages(error.issues, { root: '(request)' })['payload.paidOn']).toBe('is required');
  });

  it('names an issue about the whole input by the root it is given', () => {
    const whole = issuesOf('not an object');
    expect(fieldMessages(whole.issues, { root: 'body' })).toEqual({ body: expect.any(String) });
    expect(issueLines(whole.issues, { root: '(root)' }, ': ')[0]).toMatch(/^\(root\): /);
  });

  it('says the fields in one sentence, in the order zod reported them', () => {
    const fields = { amountCents: 'must not be negative', paidOn: 'is required' };
    expect(describeFields(fields)).toBe('amountCents must not be negative; paidOn is required');
    expect(pleaseCorrect(fields)).toBe('Please correct: amountCents must not be negative; paidOn is required.');
  });

  it('lists every issue as a line, duplicates of a field included', () => {
    expect(issueLines(error.issues, { root: '(document)', hide: ['payload'] })).toEqual([
      'reference must be at least 3 characters',
      'reference must be digits',
      'paidOn is required',
      'items.1.code is required',
    ]);
  });

  it('is what request validation answers with (issuesToFields)', () => {
    expect(issuesToFields(error)).toEqual(fieldMessages(error.issues, { root: '(request)', hide: ['payload'] }));
  });
});
