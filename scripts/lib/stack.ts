import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../../functions/src/demo/dataset';
import { chooseStack, type StackKind } from './chooseStack';
import { startFullBackend } from './fullStack';
import { waitForCallables } from './functionsReady';
import { attachRelay, startOfflineBackend, type RunningBackend } from './offlineStack';
import { ROOT, stackPorts, type StackPorts } from './ports';
import { stopChildren } from './processes';
import { seedShippedCaseTypes } from '../../functions/src/data/caseTypes';
import { ensureAuthUsers, seedDemoData } from './seedDemo';
import { startLocalSources } from './localSources';
import { startLocalNotify } from './localNotify';
import { setUpLocalPhotos } from './localPhotos';
import type { NotifySinks } from './notifySinks';
import type { FakeSources } from './fakeSources';
import { startWeb } from './web';

export interface Stack {
  kind: StackKind;
  why: string;
  ports: StackPorts;
  webUrl: string;
  backend: RunningBackend;
  stop(): Promise<void>;
}

/** Starts the whole local system with demo data: used by `npm start` and by the browser tests. */
export async function startStack(log: (line: string) => void, options: { web?: boolean } = {}): Promise<Stack> {
  const { kind, why } = chooseStack();
  const ports = stackPorts();
  log(`stack: ${kind} (${why})`);
  log('building functions…');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'functions/tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  let backend: RunningBackend | null = null;
  let sources: FakeSources | null = null;
  let sinks: NotifySinks | null = null;
  const stop = async () => {
    backend?.relay?.stop();
    await stopChildren();
    await backend?.stop();
    await sources?.stop();
    await sinks?.stop();
  };
  try {
    sources = await startLocalSources(log);
    sinks = await startLocalNotify(log);
    setUpLocalPhotos(ports, log);
    backend = kind === 'full' ? await startFullBackend(ports, log) : await startOfflineBackend(ports, log);
    await waitForCallables(ports.functions);
    log('functions loaded');
    const created = await ensureAuthUsers();
    log(`demo users ready in the Auth emulator (${created} created)`);
    log(`case types: ${await seedShippedCaseTypes()} stored from the repository`);
    const seeded = await seedDemoData(log);
    log(`demo data: ${seeded}`);
    if (kind === 'offline') attachRelay(backend, log);
    const webUrl = options.web === false ? '' : await startWeb(ports, kind);
    return { kind, why, ports, webUrl, backend, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function loginTable(): string {
  return (
    DEMO_USERS.map((u) => `  ${u.email.padEnd(24)} ${u.role}${u.drcId ? ` (${u.drcId})` : ''}`).join('\n') +
    `\n  password for all: ${DEMO_PASSWORD}`
  );
}
