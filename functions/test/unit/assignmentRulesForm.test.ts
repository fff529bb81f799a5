import type { AssignmentPolicyView } from '../../src/domain/contracts/types';
import { policyRulesSchema, drcTermsSchema } from '../../src/domain/assignment/policyConfig';
import { draftOf, inputOf } from '../../../web/src/assignmentRules/policyForm';

/** The assignment rules screen's form: what is typed becomes exactly what the server validates. */
const view: AssignmentPolicyView = {
  version: 4,
  rules: {
    excludedIndicators: ['deceased', 'dispute'],
    excludeHeld: true,
    performanceBand: 0.1,
    performanceWindowDays: 90,
  },
  drcs: [
    {
      id: 'drc1',
      name: 'Lanka Recoveries',
      active: true,
      actions: ['arrears', 'arrears_cpe'],
      caseTypes: [],
      regions: ['Western', 'Southern'],
      capacity: 120,
      minArrearsCents: 500_000,
      maxArrearsCents: null,
      agencyTier: null,
      openCases: 40,
      recoveryRate: 0.42,
      lastAssignedAt: null,
      roAssignmentMode: 'manual',
      problem: null,
    },
    { id: 'broken', name: 'broken', problem: 'capacity: expected number' } as AssignmentPolicyView['drcs'][number],
  ],
};

describe('the assignment rules form', () => {
  it('round-trips the stored policy into input the server accepts unchanged', () => {
    const out = inputOf(draftOf(view), view.version);
    if (!('input' in out)) throw new Error(JSON.stringify(out.fields));
    expect(out.input.expectedVersion).toBe(4);
    expect(policyRulesSchema.parse(out.input.rules)).toEqual(view.rules);
    const [drc] = out.input.drcs!;
    expect(drcTermsSchema.parse(drc)).toMatchObject({
      id: 'drc1',
      regions: ['Western', 'Southern'],
      minArrearsCents: 500_000,
      maxArrearsCents: null,
      capacity: 120,
    });
  });

  it('leaves out a DRC whose stored document is invalid (it is shown with its problem instead)', () => {
    expect(draftOf(view).drcs.map((d) => d.id)).toEqual(['drc1']);
  });

  it('reads amounts as rupees and lists split on commas', () => {
    const draft = draftOf(view);
    draft.drcs[0] = {
      ...draft.drcs[0]!,
      minArrears: '1,250.50',
      maxArrears: 'LKR 90,000',
      regions: ' Northern ,, Eastern ',
    };
    draft.excludedIndicators = 'deceased,bankruptcy , do_not_contact';
    const out = inputOf(draft, 4);
    if (!('input' in out)) throw new Error('refused');
    expect(out.input.drcs![0]).toMatchObject({
      minArrearsCents: 125_050,
      maxArrearsCents: 9_000_000,
      regions: ['Northern', 'Eastern'],
    });
    expect(out.input.rules!.excludedIndicators).toEqual(['deceased', 'bankruptcy', 'do_not_contact']);
  });

  it('refuses an amount that is not one, naming the server’s field, and sends nothing', () => {
    const draft = draftOf(view);
    draft.drcs[0] = { ...draft.drcs[0]!, maxArrears: 'ninety thousand' };
    expect(inputOf(draft, 4)).toEqual({ fields: { 'drcs.0.maxArrearsCents': 'is not an amount in rupees' } });
  });

  it('passes a mistyped number on for the server to name (never a silent zero)', () => {
    const draft = { ...draftOf(view), performanceBand: 'ten percent' };
    const out = inputOf(draft, 4);
    if (!('input' in out)) throw new Error('refused');
    expect(policyRulesSchema.safeParse(out.input.rules).success).toBe(false);
  });
});
