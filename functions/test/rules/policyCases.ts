/**
 * Rules tests declare which policy row they prove with `allow(id, …)` / `deny(id, …)`; the coverage test
 * (test/unit/policyCoverage.test.ts) reads those calls to check every row of the policy table is proven.
 */
import type { PolicyRow } from '../../src/domain/policy/table';

export type RuleCheck = () => Promise<unknown>;
type Registrar = (name: string, fn: () => Promise<void>) => void;

export function makeRuleCases(
  register: Registrar,
  assertSucceeds: (p: Promise<unknown>) => Promise<unknown>,
  assertFails: (p: Promise<unknown>) => Promise<unknown>,
) {
  return {
    allow(id: PolicyRow['id'], what: string, check: RuleCheck): void {
      register(`[${id}] allows ${what}`, async () => {
        await assertSucceeds(check());
      });
    },
    deny(id: PolicyRow['id'], what: string, check: RuleCheck): void {
      register(`[${id}] denies ${what}`, async () => {
        await assertFails(check());
      });
    },
  };
}
