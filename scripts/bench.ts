/** `npm run bench`: every benchmark, one after the other; each prints `BENCH <name> <value>` lines. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHES = ['coldstart', 'monitor', 'import', 'api', 'notify'];
let failed = 0;
for (const name of BENCHES) {
  const r = spawnSync(join(__dirname, '..', 'node_modules', '.bin', 'tsx'), [join(__dirname, 'bench', `${name}.ts`)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
