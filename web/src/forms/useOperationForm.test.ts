import { describe, expect, it } from 'vitest';
import { flatErrors, operationResolver } from './useOperationForm';

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe('a form validated by its operation’s contract', () => {
  it('refuses what the server refuses, with the server’s words, on each field', async () => {
    const resolve = operationResolver('recordPayment');
    const out = await resolve(
      {
        caseId: 'CASE-1',
        expectedRev: 3,
        clientRequestId: 'req-000000001',
        amountCents: -5,
        paidOn: '2026-01-01',
        method: 'barter' as never,
        reference: '   ',
      },
      undefined,
      options,
    );
    expect(out.values).toEqual({});
    expect(out.errors.reference?.message).toBe('is required');
    expect(out.errors.method?.message).toBe('must be one of cash, cheque, bank_transfer, card, online');
    expect(out.errors.amountCents?.message).toBeTruthy();
  });

  it('hands on the parsed input (trimmed) when it is valid', async () => {
    const resolve = operationResolver('releaseCaseLease');
    const out = await resolve({ caseId: 'CASE-1' }, undefined, options);
    expect(out.errors).toEqual({});
    expect(out.values).toEqual({ caseId: 'CASE-1' });
  });

  it('has no resolver for a name outside the registry', () => {
    expect(() => operationResolver('notAnOperation' as never)).toThrow('No contract named notAnOperation');
  });
});

describe('a form’s errors keyed the way the server keys them', () => {
  it('flattens nested and listed errors to dotted paths, leaving the input elements out', async () => {
    const resolve = operationResolver('saveNotificationRouting');
    const out = await resolve(
      { expectedVersion: 1, overrides: { status_changed: [{ audience: 'case_ro', channels: ['inapp', 'inapp'] }] } },
      undefined,
      options,
    );
    expect(flatErrors(out.errors)).toEqual({ 'overrides.status_changed.0.channels': 'lists a channel twice' });
    expect(flatErrors({ email: { type: 'server', message: 'taken', ref: { name: 'email' } } })).toEqual({
      email: 'taken',
    });
    expect(flatErrors({})).toEqual({});
  });
});
