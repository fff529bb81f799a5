import type { Instant } from '../model/time';
import { runMonitors, type EngineResult } from './engine';
import type { CaseTypeConfig } from './types';

/** How many statuses one monitor run may walk a case through (each pass is one status's monitoring hooks). */
export const MAX_MONITOR_PASSES = 4;

/**
 * Runs a case's monitors until it settles. A monitor that moves the case (e.g. a broken settlement back to
 * negotiation) leaves the new status's own monitors unexamined, and they may be due already (the assignment's
 * validity expired meanwhile): without another pass the case would wait a day, in the wrong hands, for the next
 * run. Each further pass sees the case as the previous one left it; the result is one change (one revision, one
 * audit event) with every transition, to-do and cross-case effect of all passes.
 */
export function runMonitorsSettled(
  config: CaseTypeConfig,
  c: Parameters<typeof runMonitors>[1],
  now: Instant,
): EngineResult & { changed?: boolean } {
  let outcome = runMonitors(config, c, now);
  for (let pass = 1; pass < MAX_MONITOR_PASSES; pass++) {
    if (!outcome.ok || !outcome.changed) return outcome;
    const due = outcome.case.nextMonitorAt;
    if (!due || due > now || outcome.case.status === c.status) return outcome;
    const again = runMonitors(config, outcome.case, now);
    if (!again.ok) return outcome;
    if (!again.changed) return { ...outcome, case: { ...outcome.case, nextMonitorAt: again.case.nextMonitorAt } };
    outcome = {
      ...again,
      case: { ...again.case, rev: c.rev + 1 },
      transitions: [...outcome.transitions, ...again.transitions],
      signals: [...new Set([...outcome.signals, ...again.signals])],
      crossCase: [...outcome.crossCase, ...again.crossCase],
      spawn: [...outcome.spawn, ...again.spawn],
      tasksRaised: [...outcome.tasksRaised, ...again.tasksRaised],
      reasons: [...outcome.reasons, ...again.reasons],
      changed: true,
    };
  }
  return outcome;
}
