/** Runtime settings, from the VITE_* variables the start scripts pass to Vite. */
export type Stack = 'offline' | 'full';

export interface WebConfig {
  stack: Stack;
  projectId: string;
  /** Emulators are used for demo projects (`demo-*`) or whenever an emulator address is given. */
  useEmulators: boolean;
  authEmulatorUrl: string;
  functionsEmulator: { host: string; port: number };
  firestoreEmulator: { host: string; port: number };
}

const env = import.meta.env;

function portOf(value: string | undefined, fallback: number): number {
  const port = Number(value);
  return Number.isInteger(port) && port > 0 ? port : fallback;
}

const projectId = env.VITE_PROJECT_ID || 'demo-debtx';

export const config: WebConfig = {
  stack: env.VITE_DEBTX_STACK === 'full' ? 'full' : 'offline',
  projectId,
  useEmulators: projectId.startsWith('demo-') || Boolean(env.VITE_AUTH_EMULATOR),
  authEmulatorUrl: env.VITE_AUTH_EMULATOR || 'http://127.0.0.1:9099',
  functionsEmulator: {
    host: env.VITE_FUNCTIONS_EMULATOR_HOST || '127.0.0.1',
    port: portOf(env.VITE_FUNCTIONS_EMULATOR_PORT, 5001),
  },
  firestoreEmulator: {
    host: env.VITE_FIRESTORE_EMULATOR_HOST || '127.0.0.1',
    port: portOf(env.VITE_FIRESTORE_EMULATOR_PORT, 8080),
  },
};
