import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { retry } from '../../functions/src/domain/retry/retry';

export const ROOT = join(__dirname, '..', '..');

/** Ports come from firebase.json, so both stacks and the tests agree with the Firebase CLI. */
export interface StackPorts {
  firestore: number;
  auth: number;
  functions: number;
  pubsub: number;
  web: number;
}

export function stackPorts(): StackPorts {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as {
    emulators: Record<string, { port: number }>;
  };
  const port = (name: string) => {
    const p = config.emulators[name]?.port;
    if (typeof p !== 'number') throw new Error(`firebase.json has no emulators.${name}.port`);
    return p;
  };
  return {
    firestore: port('firestore'),
    auth: port('auth'),
    functions: port('functions'),
    pubsub: port('pubsub'),
    web: port('hosting'),
  };
}

export const PROJECT_ID = 'demo-debtx';

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitForPort(port: number, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const open = () => portInUse(port);
  if (await retry(open, { attempts: Infinity, deadline, delayMs: () => 250, retryOnValue: (up) => !up })) return;
  throw new Error(`${what} did not open port ${port} within ${timeoutMs / 1000} s`);
}
