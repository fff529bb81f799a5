/**
 * The notification sinks (scripts/lib/notifySinks.ts) for integration tests, on free ports. They live outside
 * this package's rootDir, so a static import would fail `tsc -p functions` (TS6059); they are type-checked by
 * scripts/tsconfig.json and loaded at run time, described here by the members the tests use.
 */
export interface TestSinks {
  twilioUrl: string;
  smtpPort: number;
  sms: { sid: string; to: string; body: string; statusCallback: string | null }[];
  emails: { messageId: string | null; to: string[]; subject: string; text: string }[];
  refused: { sms: number; email: number };
  setMode(modes: { sms?: 'ok' | '500' | '400' | 'drop'; email?: 'ok' | '451' | '550' }): void;
  clear(): void;
  stop(): Promise<void>;
}

const SINKS = '../../../scripts/lib/notifySinks';

/** Starts the sinks and points this process's provider params at them (as the stacks do). */
export async function startTestSinks(): Promise<TestSinks> {
  const mod = (await import(SINKS)) as {
    startNotifySinks(): Promise<TestSinks>;
    sinkEnv(s: TestSinks): Record<string, string>;
  };
  const sinks = await mod.startNotifySinks();
  Object.assign(process.env, mod.sinkEnv(sinks));
  return sinks;
}
