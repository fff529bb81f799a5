/**
 * A test-only seam for fault injection: tests set `faults.hook` to throw at a named point of a run (on the first
 * attempts, or as a crash between two writes). Production code never sets it and no input reaches it.
 */
export type FaultPoint =
  'request:beforeApply' | 'sourceChange:beforeApply' | 'sourceChange:afterCases' | 'placement:beforeApply';

export const faults: { hook: ((point: FaultPoint, attempt: number, id: string) => void) | null } = { hook: null };

/** A process that died: nothing after it runs, not even the bookkeeping of a failed attempt. */
export class SimulatedCrash extends Error {
  constructor(point: FaultPoint) {
    super(`simulated crash at ${point}`);
  }
}

export function injectFault(point: FaultPoint, attempt: number, id: string): void {
  faults.hook?.(point, attempt, id);
}
