/**
 * `tsx scripts/fake-sources.ts --port 8099 [--token T] [--mode bss=500] [--mode all=flaky] [--quiet]`:
 * runs the fake BSS/OSS/CRM HTTP server (scripts/lib/fakeSources.ts) until interrupted. Point the functions at
 * it with ACCOUNT_SOURCE=http and SOURCE_BASE_URL=http://127.0.0.1:8099 (and SOURCE_TOKEN=T when --token is
 * given). Switch failure modes while it runs:
 *   curl -X POST localhost:8099/__mode -d '{"system":"crm","mode":"timeout"}'
 */
import { FAKE_MODES, FAKE_SYSTEMS, startFakeSources, type FakeMode, type FakeSystem } from './lib/fakeSources';

function usage(message: string): never {
  console.error(
    `${message}\nusage: tsx scripts/fake-sources.ts --port 8099 [--token T] [--mode system=mode]... [--quiet]`,
  );
  console.error(`  systems: all, ${FAKE_SYSTEMS.join(', ')}; modes: ${FAKE_MODES.join(', ')}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let port = 8099;
  let token: string | undefined;
  let log = true;
  const modes: [FakeMode, FakeSystem | 'all'][] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = () => args[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--port') {
      port = Number(next());
      if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port must be a port number');
    } else if (arg === '--token') token = next();
    else if (arg === '--quiet') log = false;
    else if (arg === '--mode') {
      const [system, mode] = next().split('=');
      if (system !== 'all' && !FAKE_SYSTEMS.includes(system as FakeSystem)) usage(`unknown system ${system}`);
      if (!FAKE_MODES.includes(mode as FakeMode)) usage(`unknown mode ${mode}`);
      modes.push([mode as FakeMode, system as FakeSystem | 'all']);
    } else usage(`unknown argument ${arg}`);
  }
  const fake = await startFakeSources(port, { token, log });
  for (const [mode, system] of modes) fake.setMode(mode, system);
  console.log(`fake source systems (BSS, OSS, CRM) at ${fake.url}; modes ${JSON.stringify(fake.modes())}`);
  console.log(`  try ${fake.url}/bss/accounts/0012345678 ; set modes with POST ${fake.url}/__mode`);
  const shutdown = () => {
    void fake.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
