import { SHIPPED_CASE_TYPES } from '../../src/domain/lifecycle/configs';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { toMermaid } from '../../src/domain/lifecycle/diagram';
import { validateCaseTypeConfig } from '../../src/domain/lifecycle/validateConfig';
import { labelIn, untranslatedLabels } from '../../src/domain/lifecycle/labels';
import { LABEL_TRANSLATIONS } from '../../src/domain/lifecycle/configs/translations';

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

describe('labels in the reader’s language', () => {
  it.each(SHIPPED_CASE_TYPES.map((c) => [c.id, c] as const))(
    '%s has the Sinhala and Tamil of every label (statuses, actions, results, fields, to-dos)',
    (_id, config) => {
      expect(untranslatedLabels(config)).toEqual([]);
    },
  );

  it('every catalogue entry is used by a shipped label, so a renamed label cannot leave a stale translation', () => {
    const used = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (!value || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record.label === 'string') used.add(record.label);
      Object.values(record).forEach(walk);
    };
    walk(SHIPPED_CASE_TYPES);
    expect(Object.keys(LABEL_TRANSLATIONS).filter((english) => !used.has(english))).toEqual([]);
  });

  it('no translation is a copy of the English (Sinhala and Tamil are written in their own scripts)', () => {
    const sinhala = /[\u0D80-\u0DFF]/;
    const tamil = /[\u0B80-\u0BFF]/;
    const copies = Object.entries(LABEL_TRANSLATIONS).filter(([, [si, ta]]) => !sinhala.test(si) || !tamil.test(ta));
    expect(copies).toEqual([]);
  });

  it('refuses a shipped or saved type whose label lacks a translation, naming where', () => {
    const [first, ...rest] = debtxTelco.statuses;
    const { labels: _dropped, ...untranslated } = first!;
    const r = validateCaseTypeConfig({ ...debtxTelco, statuses: [untranslated, ...rest] });
    expect(r).toEqual({
      ok: false,
      problems: ['debtx_telco v1: statuses[0] “Open” needs its Sinhala and Tamil (labels.si, labels.ta)'],
    });
    const actions = debtxTelco.actions.map((a, i) =>
      i === 0 ? { ...a, results: a.results.map((x) => ({ ...x, labels: { si: 'ස්ථානගත කළා', ta: ' ' } })) } : a,
    );
    const blank = validateCaseTypeConfig({ ...debtxTelco, actions });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.problems[0]).toMatch(/^actions\.0\.results\.0\.labels\.ta: /);
  });

  it('finds a to-do label without translations in an algorithm’s parameters', () => {
    const status = debtxTelco.statuses[1]!;
    const hooks = {
      monitoring: [{ algorithm: 'afterDaysInStatus', params: { days: 3, todo: { type: 'x', label: 'Call' } } }],
    };
    const config = {
      ...debtxTelco,
      statuses: [debtxTelco.statuses[0]!, { ...status, hooks }, ...debtxTelco.statuses.slice(2)],
    };
    expect(untranslatedLabels(config)).toEqual(['statuses[1].hooks.monitoring[0].params.todo “Call”']);
    expect(validateCaseTypeConfig(config).ok).toBe(false);
  });

  it('loads a version stored before translations existed, its labels in English', () => {
    const stored = JSON.parse(
      JSON.stringify(debtxTelco, (key, value: unknown) => (key === 'labels' ? undefined : value)),
    );
    expect(validateCaseTypeConfig(stored).ok).toBe(false);
    const loaded = validateCaseTypeConfig(stored, { requireTranslations: false });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const open = loaded.config.statuses[0]!;
    expect([labelIn(open, 'en'), labelIn(open, 'si'), labelIn(open, 'ta')]).toEqual(['Open', 'Open', 'Open']);
    expect(labelIn(debtxTelco.statuses[0]!, 'si')).toBe('විවෘත');
    expect(labelIn(debtxTelco.statuses[0]!, 'ta')).toBe('திறந்தது');
  });
});
