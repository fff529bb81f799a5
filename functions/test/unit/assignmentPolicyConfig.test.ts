import {
  DEFAULT_STORED_RULES,
  drcTermsSchema,
  parseDrcDoc,
  parseStoredRules,
  policyRulesSchema,
} from '../../src/domain/assignment/policyConfig';

const terms = {
  id: 'drc9',
  name: 'Nine Recoveries',
  active: true,
  actions: ['arrears'],
  caseTypes: ['debtx_telco'],
  regions: ['Western'],
  capacity: 100,
  minArrearsCents: 0,
  maxArrearsCents: 1_000_000,
  agencyTier: null,
};

describe('assignment policy configuration (zod on save and on load)', () => {
  it('accepts valid DRC terms and refuses bad ones field by field', () => {
    expect(drcTermsSchema.safeParse(terms).success).toBe(true);
    const bad = drcTermsSchema.safeParse({
      ...terms,
      actions: [],
      capacity: -1,
      minArrearsCents: 5,
      maxArrearsCents: 4,
      agencyTier: 'quaternary',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['actions', 'capacity', 'agencyTier']));
    const band = drcTermsSchema.safeParse({ ...terms, minArrearsCents: 5, maxArrearsCents: 4 });
    expect(band.error!.issues).toEqual([expect.objectContaining({ path: ['maxArrearsCents'] })]);
    expect(drcTermsSchema.safeParse({ ...terms, stray: 1 }).success).toBe(false);
  });

  it('loads older DRC documents with defaults for the new terms, and names what is broken', () => {
    const old = parseDrcDoc({ name: 'Old', active: true, actions: ['cpe'], regions: [], capacity: 5 });
    expect(old).toMatchObject({
      ok: true,
      doc: { caseTypes: [], minArrearsCents: 0, maxArrearsCents: null, placedTotal: 0, roAssignmentMode: 'manual' },
    });
    const broken = parseDrcDoc({ name: 'Broken', active: true, actions: ['cpe'], capacity: 'many' });
    expect(broken).toEqual({ ok: false, problem: expect.stringMatching(/^capacity /) });
  });

  it('rules: defaults when none are stored; a broken stored document is an error, not a silent fallback', () => {
    expect(parseStoredRules(undefined)).toEqual(DEFAULT_STORED_RULES);
    expect(parseStoredRules({ ...DEFAULT_STORED_RULES, version: 3, audit: {} })).toEqual(DEFAULT_STORED_RULES);
    expect(() => parseStoredRules({ ...DEFAULT_STORED_RULES, performanceBand: 0 })).toThrow();
    expect(policyRulesSchema.safeParse({ ...DEFAULT_STORED_RULES, excludedIndicators: ['Not Valid'] }).success).toBe(
      false,
    );
  });
});
