import { describe, expect, it } from 'vitest';
import { operationResolver } from '../forms/useOperationForm';
import { inviteInput, type InviteFormValues } from './inviteInput';

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const filled: InviteFormValues = { email: ' new.ro@demo.debtx ', displayName: 'Nadeesha', role: 'ro', drcId: 'drc2' };

describe('the invitation form’s values as the inviteUser input', () => {
  it('sends the DRC only for roles that have one, and trims the email', () => {
    expect(inviteInput(filled, 'si')).toEqual({
      email: 'new.ro@demo.debtx',
      displayName: 'Nadeesha',
      role: 'ro',
      drcId: 'drc2',
      language: 'si',
    });
    expect(inviteInput({ ...filled, role: 'supervisor' }, 'en').drcId).toBeNull();
    expect(inviteInput({ ...filled, drcId: '' }, 'en').drcId).toBeNull();
  });

  it('lets the contract refuse a missing role, a bad email and a short name on their own fields', async () => {
    const resolve = operationResolver('inviteUser');
    const out = await resolve(
      inviteInput({ email: 'not-an-email', displayName: ' x ', role: '', drcId: '' }, 'en'),
      undefined,
      options,
    );
    expect(out.values).toEqual({});
    expect(out.errors.email?.message).toBe('must be an email address');
    expect(out.errors.displayName?.message).toBe('is required');
    expect(out.errors.role?.message).toMatch(/^must be one of /);
    expect(out.errors.drcId).toBeUndefined();
  });
});
