import { z } from 'zod';
import { ROLES } from '../model/roles';
import { EFFECTS } from './effects';
import { GUARDS } from './guards';
import type { CaseTypeConfig } from './types';

/**
 * A configuration is checked as a whole before it is used or stored: a bad one is refused with
 * every problem listed, and nothing of it is applied.
 */
const actorRole = z.enum([...ROLES, 'system']);
const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a code of letters, digits and _');

export const caseTypeConfigSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a lower-case id'),
  version: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string(),
  readings: z.array(z.string()),
  settings: z.strictObject({
    validityDays: z.number().int().min(1).max(365),
    maxRoDiscountPct: z.number().min(0).max(100),
    maxInstalments: z.number().int().min(1).max(120),
  }),
  statuses: z
    .array(
      z.strictObject({
        code,
        label: z.string().min(1),
        kind: z.enum(['initial', 'interim', 'final']),
        description: z.string(),
        actors: z.array(actorRole),
      }),
    )
    .min(2),
  transitions: z.array(
    z.strictObject({
      from: z.union([code, z.literal('*')]),
      to: code,
      mode: z.enum(['system', 'followUp', 'manual']),
      roles: z.array(actorRole).optional(),
      guard: z.strictObject({ guard: z.string(), params: z.record(z.string(), z.unknown()).optional() }).optional(),
    }),
  ),
  actions: z.array(
    z.strictObject({
      code,
      label: z.string().min(1),
      roles: z.array(actorRole).min(1),
      statuses: z.array(z.union([code, z.literal('*')])).min(1),
      results: z
        .array(
          z.strictObject({
            code,
            label: z.string().min(1),
            effects: z.array(z.string()),
            next: code.optional(),
          }),
        )
        .min(1),
    }),
  ),
});

export type ConfigCheck = { ok: true; config: CaseTypeConfig } | { ok: false; problems: string[] };

export function validateCaseTypeConfig(input: unknown): ConfigCheck {
  const parsed = caseTypeConfigSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  const config = parsed.data as CaseTypeConfig;
  const problems: string[] = [];
  const where = `${config.id} v${config.version}`;
  const statusCodes = new Set<string>();
  for (const s of config.statuses) {
    if (statusCodes.has(s.code)) problems.push(`${where}: status ${s.code} is defined twice`);
    statusCodes.add(s.code);
  }
  const kindOf = new Map(config.statuses.map((s) => [s.code, s.kind]));
  const initials = config.statuses.filter((s) => s.kind === 'initial');
  if (initials.length !== 1) problems.push(`${where}: needs exactly one initial status, has ${initials.length}`);
  if (!config.statuses.some((s) => s.kind === 'final')) problems.push(`${where}: has no final status`);

  const nonFinal = config.statuses.filter((s) => s.kind !== 'final').map((s) => s.code);
  const fromSet = (from: string) => (from === '*' ? nonFinal : [from]);

  config.transitions.forEach((t, i) => {
    const at = `${where}: transition #${i + 1} (${t.from} → ${t.to})`;
    if (t.from !== '*' && !statusCodes.has(t.from)) problems.push(`${at} starts at unknown status ${t.from}`);
    if (!statusCodes.has(t.to)) problems.push(`${at} goes to unknown status ${t.to}`);
    if (t.from !== '*' && kindOf.get(t.from) === 'final') problems.push(`${at} leaves final status ${t.from}`);
    if (t.mode === 'system' && !t.guard) problems.push(`${at} is a system transition without a guard`);
    if (t.guard && !GUARDS[t.guard.guard]) problems.push(`${at} uses unknown guard ${t.guard.guard}`);
    if (t.mode === 'manual' && !(t.roles && t.roles.length > 0)) problems.push(`${at} is manual but names no roles`);
  });

  const actionCodes = new Set<string>();
  for (const a of config.actions) {
    if (actionCodes.has(a.code)) problems.push(`${where}: action ${a.code} is defined twice`);
    actionCodes.add(a.code);
    for (const s of a.statuses) {
      if (s !== '*' && !statusCodes.has(s)) problems.push(`${where}: action ${a.code} applies in unknown status ${s}`);
      if (s !== '*' && kindOf.get(s) === 'final')
        problems.push(`${where}: action ${a.code} applies in final status ${s}`);
    }
    const resultCodes = new Set<string>();
    for (const r of a.results) {
      if (resultCodes.has(r.code)) problems.push(`${where}: action ${a.code} has result ${r.code} twice`);
      resultCodes.add(r.code);
      for (const e of r.effects) {
        if (!EFFECTS[e]) problems.push(`${where}: action ${a.code} result ${r.code} uses unknown effect ${e}`);
      }
      if (r.next) {
        if (!statusCodes.has(r.next)) {
          problems.push(`${where}: action ${a.code} result ${r.code} follows up to unknown status ${r.next}`);
          continue;
        }
        for (const s of a.statuses.flatMap(fromSet)) {
          if (s === r.next) continue;
          const allowed = config.transitions.some(
            (t) => t.mode === 'followUp' && t.to === r.next && (t.from === s || t.from === '*'),
          );
          if (!allowed) {
            problems.push(
              `${where}: action ${a.code} result ${r.code} moves ${s} → ${r.next}, but no follow-up transition allows it`,
            );
          }
        }
      }
    }
  }

  // Every status must be reachable from the initial one, through transitions of any mode.
  if (initials.length === 1) {
    const reached = new Set<string>([initials[0]!.code]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of config.transitions) {
        if (reached.has(t.to)) continue;
        if (fromSet(t.from).some((f) => reached.has(f))) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    for (const s of config.statuses) {
      if (!reached.has(s.code)) problems.push(`${where}: status ${s.code} cannot be reached from ${initials[0]!.code}`);
    }
  }
  // Every non-final status needs a way out, or cases would stick in it forever.
  for (const s of nonFinal) {
    if (!config.transitions.some((t) => fromSet(t.from).includes(s) && t.to !== s)) {
      problems.push(`${where}: status ${s} has no way out`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}
