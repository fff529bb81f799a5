/** `npx tsx scripts/check-web-bundle.ts`: the production web bundle holds no local-stack configuration. */
import { buildAndScanWebBundle } from './lib/webBundle';

buildAndScanWebBundle()
  .then(({ ok, lines, ms }) => {
    for (const line of lines) console.log(line);
    console.log(`(${(ms / 1000).toFixed(1)} s)`);
    process.exit(ok ? 0 : 1);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
