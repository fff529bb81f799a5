import type { CaseTypeConfig } from './types';

/** A Mermaid state diagram drawn from the configuration itself, so the picture can never drift from it. */
export function toMermaid(config: CaseTypeConfig): string {
  const lines = ['stateDiagram-v2'];
  const nonFinal = config.statuses.filter((s) => s.kind !== 'final').map((s) => s.code);
  for (const s of config.statuses) lines.push(`  ${s.code}: ${s.label}`);
  const initial = config.statuses.find((s) => s.kind === 'initial');
  if (initial) lines.push(`  [*] --> ${initial.code}`);
  const seen = new Set<string>();
  for (const t of config.transitions) {
    const froms = t.from === '*' ? nonFinal.filter((f) => f !== t.to) : [t.from];
    const label =
      t.mode === 'system'
        ? `system: ${t.guard?.guard ?? ''}`
        : t.mode === 'manual'
          ? `manual (${(t.roles ?? []).join(', ')})`
          : 'follow-up';
    for (const f of froms) {
      const key = `${f}>${t.to}>${label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`  ${f} --> ${t.to}: ${label}`);
    }
  }
  for (const s of config.statuses.filter((x) => x.kind === 'final')) lines.push(`  ${s.code} --> [*]`);
  return lines.join('\n');
}
