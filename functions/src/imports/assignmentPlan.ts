import { chooseDrc, type CaseForAssignment, type DrcChoice, type DrcProfile } from '../domain/assignment/drcPolicy';
import type { Instant } from '../domain/model/time';

/**
 * The assignment decision for a run of new cases, case by case, as the onCaseCreated trigger makes it: the same
 * chooseDrc policy, with each placement counted against the DRC's capacity and its round-robin turn, so a preview
 * of a whole upload spreads the way registration will. Holds one counter per DRC, nothing per case.
 */
export class AssignmentPlanner {
  private readonly drcs: DrcProfile[];
  private readonly startMs: number;
  private seq = 0;
  readonly placed: Record<string, number> = {};
  unplaced = 0;

  constructor(drcs: DrcProfile[], now: Instant) {
    this.drcs = drcs.map((d) => ({ ...d }));
    this.startMs = Date.parse(now);
  }

  plan(c: CaseForAssignment): DrcChoice {
    const choice = chooseDrc(c, this.drcs);
    if (!choice.ok) {
      this.unplaced += 1;
      return choice;
    }
    const drc = this.drcs.find((d) => d.id === choice.drcId)!;
    drc.openCases += 1;
    drc.lastAssignedAt = new Date(this.startMs + ++this.seq).toISOString();
    this.placed[drc.id] = (this.placed[drc.id] ?? 0) + 1;
    return choice;
  }
}
