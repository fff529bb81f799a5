/**
 * `npm start`: the whole DebtX system locally, with demo data. Picks the full or the offline stack,
 * says which and why, and on Ctrl-C stops everything it started.
 */
import { loginTable, startStack } from './lib/stack';

const log = (line: string) => console.log(`[debtx] ${line}`);

async function main(): Promise<void> {
  const stack = await startStack(log);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the ${stack.kind} stack…`);
    await stack.stop();
    log('stopped; ports freed.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  console.log(`
DebtX is running on the ${stack.kind} stack (${stack.why}).

  Web client:  ${stack.webUrl}
  Functions:   http://127.0.0.1:${stack.ports.functions}   Auth emulator: http://127.0.0.1:${stack.ports.auth}
  Firestore:   127.0.0.1:${stack.ports.firestore} (${stack.kind === 'offline' ? 'offline, in memory: demo data is re-seeded on each start' : 'official emulator'})

Demo logins:
${loginTable()}

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(`[debtx] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
