import { describe, expect, it } from 'vitest';
import { operationResolver } from '../forms/useOperationForm';
import { ruleError, routingInput, type Rules } from './routingForm';

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const defaults: Rules = {
  status_changed: [{ audience: 'case_ro', channels: ['inapp'] }],
  case_assigned: [{ audience: 'case_ro', channels: ['inapp', 'email'] }],
};

describe('the routing form as the saveNotificationRouting input', () => {
  it('sends only the kinds whose rules differ from the defaults', () => {
    const rules: Rules = { ...defaults, status_changed: [{ audience: 'customer', channels: ['sms'] }] };
    expect(routingInput({ expectedVersion: 4, rules, defaults })).toEqual({
      expectedVersion: 4,
      overrides: { status_changed: [{ audience: 'customer', channels: ['sms'] }] },
    });
    expect(routingInput({ expectedVersion: 4, rules: defaults, defaults }).overrides).toEqual({});
  });

  it('refuses a rule the contract refuses, on that rule, before sending', async () => {
    const rules: Rules = { ...defaults, status_changed: [{ audience: 'case_ro', channels: ['sms', 'sms'] }] };
    const out = await operationResolver('saveNotificationRouting')(
      routingInput({ expectedVersion: 4, rules, defaults }),
      undefined,
      options,
    );
    expect(out.values).toEqual({});
    expect(out.errors.overrides).toBeTruthy();
  });

  it('finds a rule’s error whether the server or the contract keyed it', () => {
    expect(
      ruleError({ 'status_changed.1.channels': 'a customer can be reached by SMS only' }, 'status_changed', 1),
    ).toBe('a customer can be reached by SMS only');
    expect(ruleError({ 'overrides.status_changed.0.channels': 'lists a channel twice' }, 'status_changed', 0)).toBe(
      'lists a channel twice',
    );
    expect(ruleError({ 'status_changed.1.channels': 'x' }, 'status_changed', 0)).toBeUndefined();
  });
});
