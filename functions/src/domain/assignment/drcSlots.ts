/**
 * A DRC's capacity slot, as every change of a case's placement sees it. A case holds one slot of its DRC while it
 * is open; the DRC's `openCases` counter is the number of slots held. Every path that changes a case's DRC —
 * automatic placement, a manual "place with a DRC" action, recall, a move to another DRC, a life-cycle hook that
 * takes the placement back (reallocate), closing — moves the counters by this one function, so the counter
 * cannot drift from the cases (decision 0029).
 */
export interface SlotHolder {
  drcId: string | null;
  closedAt: string | null;
}

export interface SlotMove {
  /** The DRC that gains a slot (the placement checks must pass for it), or null. */
  take: string | null;
  /** The DRC that gives one back, or null. */
  release: string | null;
}

/** The DRC whose slot the case holds: its DRC while it is open; none once closed or never placed. */
export function slotOf(c: SlotHolder | null): string | null {
  return c && c.closedAt === null && c.drcId ? c.drcId : null;
}

/** Which counters a write of the case moves: at most one slot taken and one given back, never both on one DRC. */
export function slotMove(before: SlotHolder | null, after: SlotHolder): SlotMove {
  const was = slotOf(before);
  const is = slotOf(after);
  if (was === is) return { take: null, release: null };
  return { take: is, release: was };
}
