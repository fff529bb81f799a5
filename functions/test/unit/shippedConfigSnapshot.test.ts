import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_CASE_TYPES } from '../../src/domain/lifecycle/configs';

/**
 * The shipped case types are stored in Firestore as they are written here, so a refactoring of how they are
 * written (shared builders for the blocks they repeat) must not change one field. The fixture was serialised from
 * the configurations before the builders existed; a deliberate change to a configuration updates it on purpose:
 * `DEBTX_WRITE_CASE_TYPE_SNAPSHOT=1 npx jest test/unit/shippedConfigSnapshot.test.ts`, then `npx prettier --write`
 * the fixture, and review its diff, which is the change as Firestore will store it.
 */
const FIXTURE = join(__dirname, '../fixtures/shippedCaseTypes.json');
if (process.env.DEBTX_WRITE_CASE_TYPE_SNAPSHOT === '1') writeFileSync(FIXTURE, JSON.stringify(SHIPPED_CASE_TYPES));
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown[];

/** Everything Firestore would refuse or drop silently: undefined, functions, non-finite numbers. */
function notJson(value: unknown, path: string, out: string[]): string[] {
  if (value === undefined || typeof value === 'function' || (typeof value === 'number' && !Number.isFinite(value)))
    out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => notJson(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) notJson(v, `${path}.${k}`, out);
  return out;
}

describe('shipped case-type configurations', () => {
  it('are the same case types, in the same order, as the snapshot', () => {
    expect(SHIPPED_CASE_TYPES.map((c) => `${c.id} v${c.version}`)).toEqual(
      fixture.map((c) => {
        const { id, version } = c as { id: string; version: number };
        return `${id} v${version}`;
      }),
    );
  });

  it.each(SHIPPED_CASE_TYPES.map((c, i) => [c.id, c, fixture[i]] as const))(
    '%s is deep-equal to its snapshot, with no value Firestore would drop',
    (_id, config, snapshot) => {
      expect(notJson(config, config.id, [])).toEqual([]);
      expect(config).toStrictEqual(snapshot);
    },
  );
});
