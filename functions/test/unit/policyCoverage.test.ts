import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY } from '../../src/domain/policy/table';

/**
 * Holds the TypeScript policy table and the rules tests together (docs/security.md): every row is proven by
 * rules tests — denied cases always, allowed cases for rows that grant anything. Runs everywhere, so a
 * row without rules tests fails here even where the rules tests themselves cannot run.
 */
const source = readFileSync(join(__dirname, '..', 'rules', 'firestoreRules.rules.test.ts'), 'utf8');
const calls = [...source.matchAll(/\b(allow|deny)\(\s*'([^']+)'/g)].map((m) => ({ kind: m[1]!, id: m[2]! }));

describe('every policy row has its rules tests', () => {
  it.each(POLICY.map((r) => [r.id, r] as const))('%s', (id, row) => {
    const mine = calls.filter((c) => c.id === id);
    if (row.roles.length > 0) expect(mine.some((c) => c.kind === 'allow')).toBe(true);
    else expect(mine.some((c) => c.kind === 'deny')).toBe(true);
    expect(mine.length).toBeGreaterThan(0);
  });

  it('no rules test names a row the table does not have', () => {
    const ids = new Set(POLICY.map((r) => r.id));
    expect(calls.filter((c) => !ids.has(c.id))).toEqual([]);
  });
});
