import type { CaseForAssignment, DrcProfile } from '../domain/assignment/drcPolicy';
import type { Instant } from '../domain/model/time';
import { AssignmentPlanner } from './assignmentPlan';
import type { ImportSchema } from './columns';
import { openSheet, type ByteSource } from './openSheet';
import type { FileKind } from './types';
import { RowValidator, validateRows, type RegisterRow, type RowVerdict, type ValidationStats } from './validateRows';

export interface PlanOptions {
  drcs: DrcProfile[];
  now: Instant;
  /** What assignment needs of an account (region, arrears): the source systems' answer, or null if unknown. */
  lookup: (row: RegisterRow) => CaseForAssignment | null;
}

export interface PipelineResult {
  kind: FileKind;
  stats: ValidationStats;
  placed: Record<string, number>;
  unplaced: number;
}

/**
 * The whole in-process import pipeline over a byte stream: read (CSV or .xlsx), map columns, validate,
 * de-duplicate, and optionally decide each valid row's DRC. Verdicts go to `onVerdicts` batch by batch and are
 * not kept, so memory stays flat however many rows the file has.
 */
export async function runPipeline(
  bytes: ByteSource,
  schema: ImportSchema,
  options: { plan?: PlanOptions; onVerdicts?: (batch: RowVerdict[]) => void | Promise<void> } = {},
): Promise<PipelineResult> {
  const { kind, rows } = await openSheet(bytes);
  const validator = new RowValidator(schema);
  const planner = options.plan ? new AssignmentPlanner(options.plan.drcs, options.plan.now) : null;
  for await (const batch of validateRows(rows, validator)) {
    if (planner) {
      for (const v of batch) {
        if (!v.ok) continue;
        const c = options.plan!.lookup(v.payload);
        if (c) planner.plan(c);
        else planner.unplaced += 1;
      }
    }
    if (options.onVerdicts) await options.onVerdicts(batch);
  }
  return { kind, stats: validator.stats, placed: planner?.placed ?? {}, unplaced: planner?.unplaced ?? 0 };
}
