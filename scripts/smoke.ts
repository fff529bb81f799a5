/**
 * `npm run smoke -- https://<site>`: is the deployed DebtX alive? Signs in (SMOKE_EMAIL, SMOKE_PASSWORD), calls
 * whoAmI and listCases, reads /api/openapi.json; one line per step, exit 1 if any failed.
 * Against the local stack: `npm run smoke -- http://127.0.0.1:5000` (SMOKE_EMAIL=officer@demo.debtx,
 * SMOKE_PASSWORD=debtx-demo). A site not on Firebase Hosting: add `--api-key <key> --project <id>`.
 */
import { PROJECT_ID, stackPorts } from './lib/ports';
import { findEndpoints, runSmoke, type Fetch } from './lib/smoke';

function argAfter(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flagValues = new Set([argAfter(argv, '--api-key'), argAfter(argv, '--project')]);
  const site = argv.find((arg) => !arg.startsWith('--') && !flagValues.has(arg));
  const email = process.env.SMOKE_EMAIL ?? '';
  const password = process.env.SMOKE_PASSWORD ?? '';
  if (!site || !/^https?:\/\//.test(site) || !email || !password) {
    console.error(
      'usage: SMOKE_EMAIL=<email> SMOKE_PASSWORD=<password> npm run smoke -- https://<site> [--api-key <key> --project <id>]',
    );
    process.exit(2);
  }
  const ports = stackPorts();
  const settings = {
    site,
    email,
    password,
    apiKey: argAfter(argv, '--api-key'),
    projectId: argAfter(argv, '--project'),
  };
  const fetcher = fetch as unknown as Fetch; // Node's fetch: the narrow interface smoke.ts needs
  const endpoints = await findEndpoints(fetcher, settings, {
    projectId: PROJECT_ID,
    authPort: ports.auth,
    functionsPort: ports.functions,
  });
  console.log(`smoke test of ${site} (${endpoints.where})`);
  const steps = await runSmoke(fetcher, endpoints, settings);
  for (const step of steps) console.log(`${step.ok ? 'PASS' : 'FAIL'} ${step.name}: ${step.detail}`);
  const failed = steps.filter((s) => !s.ok).length;
  console.log(failed === 0 ? 'smoke: all passed' : `smoke: ${failed} of ${steps.length} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(`FAIL ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
