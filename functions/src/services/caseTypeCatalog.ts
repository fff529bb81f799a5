import type { CaseTypeView } from '../domain/contracts/configuration';
import { toMermaid } from '../domain/lifecycle/diagram';
import type { CaseTypeConfig } from '../domain/lifecycle/types';
import { listCaseTypes } from '../data/caseTypes';

/** A case type as the admin and officer screens show it: the configuration, flattened, and its diagram. */
export function toView(config: CaseTypeConfig, latest: boolean): CaseTypeView {
  return {
    id: config.id,
    version: config.version,
    name: config.name,
    description: config.description,
    category: config.category,
    level: config.level,
    readings: config.readings,
    statuses: config.statuses.map((s) => ({
      code: s.code,
      label: s.label,
      kind: s.kind,
      description: s.description,
      actors: s.actors,
      hooks: Object.entries(s.hooks ?? {}).flatMap(([spot, refs]) =>
        (refs ?? []).map((r) => ({ spot, algorithm: r.algorithm, params: r.params ?? {}, note: r.note ?? null })),
      ),
    })),
    transitions: config.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      mode: t.mode,
      roles: t.roles ?? [],
      guard: t.guard?.guard ?? null,
    })),
    actions: config.actions.map((a) => ({
      code: a.code,
      label: a.label,
      roles: a.roles,
      statuses: a.statuses,
      results: a.results.map((r) => ({ code: r.code, label: r.label, next: r.next ?? null })),
    })),
    mermaid: toMermaid(config),
    latest,
  };
}

/** Every case type and version, each marked whether it is the newest of its type. */
export async function listCaseTypeViews(): Promise<CaseTypeView[]> {
  const all = await listCaseTypes();
  const newest = new Map<string, number>();
  for (const c of all) newest.set(c.id, Math.max(newest.get(c.id) ?? 0, c.version));
  return all.map((c) => toView(c, newest.get(c.id) === c.version));
}
