import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Child processes started in their own process group, so stopping the stack kills each one with
 * everything it started (the Functions emulator spawns its own workers): no orphans, ports freed.
 */
const children: { name: string; proc: ChildProcess }[] = [];

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean } = {},
): ChildProcess {
  const proc = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (options.quiet && !process.env.DEBTX_VERBOSE) return;
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(prefix + line + '\n');
  };
  proc.stdout?.on('data', forward(process.stdout));
  proc.stderr?.on('data', forward(process.stderr));
  children.push({ name, proc });
  return proc;
}

export async function stopChildren(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      ({ proc }) =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.pid === undefined) return resolve();
          const timer = setTimeout(() => {
            try {
              process.kill(-proc.pid!, 'SIGKILL');
            } catch {
              /* already gone */
            }
            resolve();
          }, 8000);
          proc.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          try {
            process.kill(-proc.pid, 'SIGINT');
          } catch {
            clearTimeout(timer);
            resolve();
          }
        }),
    ),
  );
}
