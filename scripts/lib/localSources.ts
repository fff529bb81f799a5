import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeSources, type FakeSources } from './fakeSources';
import { ROOT } from './ports';

/** KEY=value lines of a dotenv file (comments and blanks skipped). */
export function dotenv(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(ROOT, 'functions', file), 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/**
 * The source systems of the local stacks: the fake BSS/OSS/CRM gateway, started where
 * functions/.env.local points the http connector, and requiring the token of functions/.secret.local — the
 * files the Functions emulator reads, so the callables there, the offline relay here and the fake agree.
 * The address must be local: a local stack never reads a real source system.
 */
export async function startLocalSources(log: (line: string) => void): Promise<FakeSources> {
  const env = dotenv('.env.local');
  const token = dotenv('.secret.local').SOURCE_TOKEN ?? '';
  const url = new URL(env.SOURCE_BASE_URL ?? '');
  if (env.ACCOUNT_SOURCE !== 'http' || !['127.0.0.1', 'localhost'].includes(url.hostname)) {
    throw new Error(`functions/.env.local must point ACCOUNT_SOURCE=http at a local SOURCE_BASE_URL (got ${url.href})`);
  }
  const fake = await startFakeSources(Number(url.port), { token });
  // The offline stack's relay runs the triggers in this process; the emulators inherit this environment.
  process.env.ACCOUNT_SOURCE = 'http';
  process.env.SOURCE_BASE_URL = fake.url;
  process.env.SOURCE_TOKEN = token;
  process.env.LAKE_BASE_URL = fake.url;
  process.env.SOURCE_WEBHOOK_SECRET = dotenv('.secret.local').SOURCE_WEBHOOK_SECRET ?? '';
  log(`source systems: fake BSS/OSS/CRM at ${fake.url} (switch failure modes: POST ${fake.url}/__mode)`);
  return fake;
}
