import { z } from 'zod';
import { ROLES } from '../model/roles';
import { EFFECTS } from './effects';
import { GUARDS } from './guards';
import { issueLines } from '../validation/issues';
import { ALGORITHMS } from './algorithms';
import { labelTranslations, untranslatedLabels } from './labels';
import { HOOK_SPOTS, type CaseTypeConfig } from './types';

/**
 * A configuration is checked as a whole before it is used or stored: a bad one is refused with
 * every problem listed, and nothing of it is applied.
 */
const actorRole = z.enum([...ROLES, 'system']);
const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a code of letters, digits and _');

const fieldDef = z.strictObject({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'must be a field name'),
  label: z.string().min(1),
  labels: labelTranslations.optional(),
  type: z.enum(['text', 'date', 'amount', 'number', 'choice', 'boolean']),
  required: z.boolean(),
  choices: z.array(z.string().min(1)).min(1).optional(),
});

const algorithmRef = z.strictObject({
  algorithm: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
  note: z.string().optional(),
});

export const caseTypeConfigSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a lower-case id'),
  version: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string(),
  readings: z.array(z.string()),
  category: z.string().min(1),
  level: z.enum(['account', 'customer']),
  blockedBy: z.array(z.string().min(1)).optional(),
  closedByOtherCase: code.optional(),
  crossCase: z
    .array(
      z.strictObject({
        onEnter: z.union([code, z.literal('*final')]),
        scope: z.enum(['account', 'customer']),
        caseTypes: z.array(z.string().min(1)).min(1),
        action: z.enum(['hold', 'release', 'close']),
        reason: z.string().min(1),
      }),
    )
    .optional(),
  creationFields: z.array(fieldDef).optional(),
  settings: z.strictObject({
    validityDays: z.number().int().min(1).max(365).optional(),
    maxRoDiscountPct: z.number().min(0).max(100).optional(),
    maxInstalments: z.number().int().min(1).max(120).optional(),
    maxExtensionDays: z.number().int().min(1).max(365).optional(),
  }),
  statuses: z
    .array(
      z.strictObject({
        code,
        label: z.string().min(1),
        labels: labelTranslations.optional(),
        kind: z.enum(['initial', 'interim', 'final']),
        description: z.string(),
        actors: z.array(actorRole),
        hooks: z.partialRecord(z.enum(HOOK_SPOTS), z.array(algorithmRef)).optional(),
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
      labels: labelTranslations.optional(),
      roles: z.array(actorRole).min(1),
      statuses: z.array(z.union([code, z.literal('*')])).min(1),
      allowedOnHold: z.boolean().optional(),
      results: z
        .array(
          z.strictObject({
            code,
            label: z.string().min(1),
            labels: labelTranslations.optional(),
            effects: z.array(z.string()),
            fields: z.array(fieldDef).optional(),
            next: code.optional(),
            nextBy: z
              .strictObject({ field: z.string().min(1), map: z.record(z.string(), code), otherwise: code.optional() })
              .optional(),
          }),
        )
        .min(1),
    }),
  ),
});

export type ConfigCheck = { ok: true; config: CaseTypeConfig } | { ok: false; problems: string[] };

export interface ConfigCheckOptions {
  /**
   * Every label must carry its Sinhala and Tamil: true for a shipped type and for one an administrator saves; false
   * only to load a version stored before translations existed, which shows its labels in English
   * (docs/decisions/0043-labels-in-the-readers-language.md).
   */
  requireTranslations: boolean;
}

export function validateCaseTypeConfig(
  input: unknown,
  options: ConfigCheckOptions = { requireTranslations: true },
): ConfigCheck {
  const parsed = caseTypeConfigSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: issueLines(parsed.error.issues, { root: '(root)' }, ': '),
    };
  }
  const config = parsed.data as CaseTypeConfig;
  const problems: string[] = [];
  const where = `${config.id} v${config.version}`;
  if (options.requireTranslations) {
    for (const at of untranslatedLabels(config))
      problems.push(`${where}: ${at} needs its Sinhala and Tamil (labels.si, labels.ta)`);
  }
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
      const fieldNames = new Set([
        ...(r.fields ?? []).map((f) => f.name),
        ...r.effects.flatMap((e) => Object.keys(EFFECTS[e]?.input.shape ?? {})),
      ]);
      if (r.nextBy && !fieldNames.has(r.nextBy.field)) {
        problems.push(
          `${where}: action ${a.code} result ${r.code} chooses its follow-up by ${r.nextBy.field}, which it does not capture`,
        );
      }
      for (const f of r.fields ?? []) {
        if (f.type === 'choice' && !f.choices)
          problems.push(`${where}: action ${a.code} result ${r.code} field ${f.name} is a choice without choices`);
      }
      const targets = [r.next, ...(r.nextBy ? [...Object.values(r.nextBy.map), r.nextBy.otherwise] : [])].filter(
        (x): x is string => typeof x === 'string',
      );
      for (const target of new Set(targets)) {
        if (!statusCodes.has(target)) {
          problems.push(`${where}: action ${a.code} result ${r.code} follows up to unknown status ${target}`);
          continue;
        }
        for (const s of a.statuses.flatMap(fromSet)) {
          if (s === target) continue;
          const allowed = config.transitions.some(
            (t) => t.mode === 'followUp' && t.to === target && (t.from === s || t.from === '*'),
          );
          if (!allowed) {
            problems.push(
              `${where}: action ${a.code} result ${r.code} moves ${s} → ${target}, but no follow-up transition allows it`,
            );
          }
        }
      }
    }
  }

  // Status hooks: known algorithms, in a spot they may use, with valid parameters, moving only where a system transition allows.
  for (const status of config.statuses) {
    for (const spot of HOOK_SPOTS) {
      (status.hooks?.[spot] ?? []).forEach((ref, i) => {
        const at = `${where}: status ${status.code} ${spot} #${i + 1} (${ref.algorithm})`;
        const algorithm = ALGORITHMS[ref.algorithm];
        if (!algorithm) return problems.push(`${at}: unknown algorithm`);
        if (!algorithm.spots.includes(spot)) {
          return problems.push(`${at}: cannot be used in ${spot} (only in ${algorithm.spots.join(', ')})`);
        }
        const parsed = algorithm.params.safeParse(ref.params ?? {});
        if (!parsed.success) {
          for (const line of issueLines(parsed.error.issues, { root: '(all)' })) problems.push(`${at}: params.${line}`);
          return;
        }
        for (const target of algorithm.targets(parsed.data as Record<string, unknown>)) {
          if (!statusCodes.has(target)) problems.push(`${at}: moves to unknown status ${target}`);
          else if (
            target !== status.code &&
            !config.transitions.some(
              (t) => t.mode === 'system' && t.to === target && (t.from === status.code || t.from === '*'),
            )
          ) {
            problems.push(`${at}: moves ${status.code} → ${target}, but no system transition allows it`);
          }
        }
        if (status.kind === 'final' && (spot === 'monitoring' || spot.startsWith('exit'))) {
          problems.push(`${at}: a final status is never monitored or left`);
        }
      });
    }
  }
  for (const rule of config.crossCase ?? []) {
    if (rule.onEnter !== '*final' && !statusCodes.has(rule.onEnter)) {
      problems.push(`${where}: cross-case rule fires on unknown status ${rule.onEnter}`);
    }
  }
  if (config.closedByOtherCase && kindOf.get(config.closedByOtherCase) !== 'final') {
    problems.push(`${where}: closedByOtherCase ${config.closedByOtherCase} must be a final status`);
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
