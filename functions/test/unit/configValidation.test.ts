import { SHIPPED_CASE_TYPES } from '../../src/domain/lifecycle/configs';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { toMermaid } from '../../src/domain/lifecycle/diagram';
import { validateCaseTypeConfig } from '../../src/domain/lifecycle/validateConfig';

describe('case-type configuration checks', () => {
  it.each(SHIPPED_CASE_TYPES.map((c) => [`${c.id} v${c.version}`, c] as const))('%s is valid', (_name, config) => {
    expect(validateCaseTypeConfig(config)).toEqual({ ok: true, config });
  });

  it('refuses a transition to an unknown status, naming it', () => {
    const bad = {
      ...debtxTelco,
      transitions: [...debtxTelco.transitions, { from: 'OPEN', to: 'NOWHERE', mode: 'followUp' }],
    };
    const r = validateCaseTypeConfig(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toContain(
        `debtx_telco v1: transition #${debtxTelco.transitions.length + 1} (OPEN → NOWHERE) goes to unknown status NOWHERE`,
      );
  });

  it('refuses a final status with exits and an unreachable status (wildcard exits still count as ways out)', () => {
    const bad = {
      ...debtxTelco,
      statuses: [
        ...debtxTelco.statuses,
        { code: 'ORPHAN', label: 'Orphan', kind: 'interim', description: '', actors: [] },
      ],
      transitions: [...debtxTelco.transitions, { from: 'WITHDRAWN', to: 'OPEN', mode: 'manual', roles: ['admin'] }],
    };
    const r = validateCaseTypeConfig(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.some((p) => p.includes('leaves final status WITHDRAWN'))).toBe(true);
    expect(r.problems.some((p) => p.includes('status ORPHAN cannot be reached'))).toBe(true);
  });

  it('refuses wrong-typed parameters with their path', () => {
    const r = validateCaseTypeConfig({ ...debtxTelco, settings: { ...debtxTelco.settings, validityDays: 'sixty' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/^settings\.validityDays:/);
  });

  it('refuses a follow-up result that no transition allows, and unknown effects', () => {
    const actions = debtxTelco.actions.map((a) =>
      a.code === 'escalate'
        ? { ...a, results: [{ code: 'x', label: 'x', effects: ['teleport'], next: 'WRITTEN_OFF' }] }
        : a,
    );
    const r = validateCaseTypeConfig({ ...debtxTelco, actions });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('debtx_telco v1: action escalate result x uses unknown effect teleport');
    expect(
      r.problems.some((p) => p.includes('moves NEGOTIATION → WRITTEN_OFF, but no follow-up transition allows it')),
    ).toBe(true);
  });

  it('draws a Mermaid diagram with every status and transition kind', () => {
    const m = toMermaid(debtxTelco);
    expect(m.startsWith('stateDiagram-v2')).toBe(true);
    for (const s of debtxTelco.statuses) expect(m).toContain(`${s.code}: ${s.label}`);
    expect(m).toContain('[*] --> OPEN');
    expect(m).toContain('OPEN --> DRC_ASSIGNED: system: hasDrc');
    expect(m).toContain('NEGOTIATION --> MEDIATION_BOARD: follow-up');
  });
});

describe('status hooks in configurations', () => {
  const withHook = (algorithm: string, params: Record<string, unknown>, spot = 'monitoring') => ({
    ...debtxTelco,
    statuses: debtxTelco.statuses.map((s) =>
      s.code === 'NEGOTIATION' ? { ...s, hooks: { [spot]: [{ algorithm, params }] } } : s,
    ),
  });

  it('refuses missing and wrong-typed algorithm parameters, naming them', () => {
    const r = validateCaseTypeConfig(withHook('afterDaysInStatus', { days: 'ten' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatch(
        /^debtx_telco v1: status NEGOTIATION monitoring #1 \(afterDaysInStatus\): params\.days /,
      );
    }
  });

  it('refuses an unknown algorithm, one in the wrong spot, and a move no system transition allows', () => {
    const unknown = validateCaseTypeConfig(withHook('teleport', {}));
    expect(unknown.ok || unknown.problems).toContain(
      'debtx_telco v1: status NEGOTIATION monitoring #1 (teleport): unknown algorithm',
    );
    const wrongSpot = validateCaseTypeConfig(withHook('raiseTodo', { type: 'x', label: 'x' }));
    expect(wrongSpot.ok || wrongSpot.problems.join()).toMatch(/cannot be used in monitoring/);
    const noTransition = validateCaseTypeConfig(withHook('afterDaysInStatus', { days: 3, moveTo: 'LEGAL' }));
    expect(noTransition.ok || noTransition.problems.join()).toMatch(
      /moves NEGOTIATION → LEGAL, but no system transition allows it/,
    );
  });
});
