import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/**
 * The index check only sees queries that run through data/ops.ts (decision 0024), so a query run directly
 * (`.get()` on a filtered or sorted query, `.count()`, `.aggregate()`, `.stream()`) would escape it, and its
 * reads would escape the operation counts too.
 */
describe('every Firestore query goes through data/ops.ts', () => {
  it('no code outside data/ops.ts runs a query, an aggregation or a stream itself', () => {
    const direct =
      /\.(where|orderBy|limit|limitToLast|startAt|startAfter|endAt|endBefore|offset)\([^;]*?\)\s*\.(get|stream)\(\)|\.collection(Group)?\([^()]*\)\s*\.(get|stream)\(\)|\.count\(\)\s*\.get\(\)|\.aggregate\(\{/gs;
    const offenders = files(SRC)
      .filter((f) => !f.endsWith(join('data', 'ops.ts')))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(direct)].map((m) => `${relative(SRC, f)}: ${m[0].slice(-40)}`),
      );
    expect(offenders).toEqual([]);
  });
});
