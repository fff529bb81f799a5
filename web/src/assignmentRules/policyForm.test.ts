import { describe, expect, it } from 'vitest';
import { flatErrors, operationResolver } from '../forms/useOperationForm';
import { amountProblems, policyInput, type PolicyFormValues } from './policyForm';

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const values: PolicyFormValues = {
  expectedVersion: 3,
  excludedIndicators: 'dispute, legal',
  excludeHeld: true,
  performanceBand: '0,1',
  performanceWindowDays: '90',
  drcs: [
    {
      id: 'drc2',
      name: 'DRC Two',
      active: true,
      actions: ['arrears'],
      caseTypes: 'pstn\nfibre',
      regions: '',
      capacity: '40',
      minArrears: '1,000.50',
      maxArrears: '',
      agencyTier: '',
    },
  ],
};

describe('the assignment policy form as the saveAssignmentPolicy input', () => {
  it('turns the typed text into lists, numbers and cents', async () => {
    const input = policyInput(values);
    expect(input.rules).toEqual({
      excludedIndicators: ['dispute', 'legal'],
      excludeHeld: true,
      performanceBand: 0.1,
      performanceWindowDays: 90,
    });
    expect(input.drcs?.[0]).toMatchObject({
      caseTypes: ['pstn', 'fibre'],
      regions: [],
      capacity: 40,
      minArrearsCents: 100050,
      maxArrearsCents: null,
      agencyTier: null,
    });
    expect(amountProblems(values)).toEqual({});
    const out = await operationResolver('saveAssignmentPolicy')(input, undefined, options);
    expect(out.errors).toEqual({});
  });

  it('refuses a negative capacity and a band above 1 beside their fields, before sending', async () => {
    const bad = { ...values, performanceBand: '2', drcs: [{ ...values.drcs[0]!, capacity: '-5' }] };
    const out = await operationResolver('saveAssignmentPolicy')(policyInput(bad), undefined, options);
    const errors = flatErrors(out.errors);
    expect(errors['rules.performanceBand']).toBe('must be at most 1');
    expect(errors['drcs.0.capacity']).toBeTruthy();
  });

  it('names an amount that is not one by the field the contract would', () => {
    const bad = { ...values, drcs: [{ ...values.drcs[0]!, minArrears: 'lots', maxArrears: '12abc' }] };
    expect(amountProblems(bad)).toEqual({
      'drcs.0.minArrearsCents': 'is not an amount in rupees',
      'drcs.0.maxArrearsCents': 'is not an amount in rupees',
    });
  });
});
