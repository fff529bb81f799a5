import { describe, expect, it } from 'vitest';
import { proposeContactPolicy } from '../../../functions/src/domain/contracts/compliance';
import { DEFAULT_CONTACT_POLICY } from '../../../functions/src/domain/notifications/compliance';
import { gateSentence } from './contactGate';
import { policyFormValues, policyInput } from './policyForm';

describe('the contact policy form', () => {
  it('round-trips the default policy into a valid proposal', () => {
    const input = policyInput(policyFormValues(DEFAULT_CONTACT_POLICY), 3);
    expect(input).toEqual({ expectedVersion: 3, policy: DEFAULT_CONTACT_POLICY, note: null });
    expect(proposeContactPolicy.input.safeParse(input).success).toBe(true);
  });

  it('takes indicators one per line or comma-separated, and refuses text for a number with the contract’s words', () => {
    const values = {
      ...policyFormValues(DEFAULT_CONTACT_POLICY),
      indicators: ' dispute,\ndeceased\n\n',
      maxPerDay: 'two',
    };
    const input = policyInput(values, 0);
    expect(input.policy.blockingIndicators).toEqual(['dispute', 'deceased']);
    const parsed = proposeContactPolicy.input.safeParse(input);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['policy.maxPerDay']);
  });
});

describe('the contact form’s gate notice', () => {
  it('says nothing when allowed; names every reason when warned or blocked', () => {
    expect(gateSentence({ decision: 'allow', reasons: [] })).toBeNull();
    const warned = gateSentence({
      decision: 'warn',
      reasons: [{ code: 'daily_cap', detail: '2', message: '' }],
    });
    expect(warned).toContain('2 time(s) in the last 24 hours');
    const blocked = gateSentence({
      decision: 'block',
      reasons: [
        { code: 'indicator', detail: 'do_not_contact', message: '' },
        { code: 'opted_out', detail: '+94771234567', message: '' },
      ],
    });
    expect(blocked).toBe(
      'You may not contact the customer now: the case is marked “do not contact”; the customer opted out of calls and SMS on +94771234567.',
    );
  });
});
