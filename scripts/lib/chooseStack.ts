import { execFileSync } from 'node:child_process';

export type StackKind = 'full' | 'offline';

/**
 * The full stack (official Emulator Suite) needs Java 21+ and the emulator downloads; the offline stack
 * runs anywhere Node does (docs/decisions/0002). DEBTX_STACK=full|offline overrides the choice.
 */
export function chooseStack(): { kind: StackKind; why: string } {
  const forced = process.env.DEBTX_STACK;
  if (forced === 'full' || forced === 'offline') return { kind: forced, why: `DEBTX_STACK=${forced}` };
  let version: string;
  try {
    // `java -version` prints to stderr.
    version = execFileSync('sh', ['-c', 'java -version 2>&1'], { encoding: 'utf8' });
  } catch {
    return { kind: 'offline', why: 'no Java found (the official Firestore emulator needs Java 21+)' };
  }
  const match = /version "(\d+)/.exec(version);
  const major = match ? Number(match[1]) : 0;
  if (major >= 21) return { kind: 'full', why: `Java ${major} found` };
  return { kind: 'offline', why: `Java ${major || '?'} found; the official Firestore emulator needs Java 21+` };
}
