import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './ports';

/**
 * The Chromium the browser tests and screenshots drive (docs/decisions/0023). `npm test` finds one, or provisions
 * one and says how: Debian's package where this process may install packages, else Playwright's download; only
 * when neither can work does it stop, with the command to run.
 */
export const DEBIAN_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Sinhala and Tamil glyphs for screenshots (a user's browser has its own fonts; a build machine may not). */
export const NOTO_SINHALA = '/usr/share/fonts/truetype/noto/NotoSansSinhala-Regular.ttf';

export interface Machine {
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  /** Where Playwright's own Chromium download lives (whether downloaded or not). */
  playwrightChromium: string;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type Found = { path: string; how: string } | { problem: string };

/** An explicit CHROMIUM_PATH wins and must exist; then the system's browsers; then Playwright's download. */
export function findChromium(machine: Machine): Found | null {
  const explicit = machine.env.CHROMIUM_PATH?.trim();
  if (explicit)
    return machine.exists(explicit)
      ? { path: explicit, how: 'CHROMIUM_PATH' }
      : { problem: `CHROMIUM_PATH is ${explicit}, which does not exist` };
  const system = DEBIAN_CANDIDATES.find((path) => machine.exists(path));
  if (system) return { path: system, how: 'installed' };
  if (machine.exists(machine.playwrightChromium))
    return { path: machine.playwrightChromium, how: "Playwright's download" };
  return null;
}

export interface ProvisionStep {
  say: string;
  command: string[][];
}

/** What to try, in order, when no Chromium is found. */
export function provisionSteps(machine: Machine, options: { fonts: boolean }): ProvisionStep[] {
  const steps: ProvisionStep[] = [];
  if (machine.isRoot && machine.hasAptGet) {
    const packages = ['chromium', ...(options.fonts ? ['fonts-noto-core'] : [])];
    steps.push({
      say: `no Chromium found: installing Debian's ${packages.join(' and ')} with apt-get (running as root)`,
      command: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
      ],
    });
  }
  steps.push({
    say: "no Chromium found: downloading Playwright's Chromium (npx playwright-core install chromium; needs the internet)",
    command: [[join(ROOT, 'node_modules', '.bin', 'playwright-core'), 'install', 'chromium']],
  });
  return steps;
}

/** The exact commands for a person to run when this process could not provision a browser itself. */
export function manualInstructions(machine: Machine): string {
  return [
    'No Chromium for the browser tests, and none could be installed from here. Run one of:',
    machine.hasAptGet
      ? '  sudo apt-get install -y chromium fonts-noto-core'
      : "  your system's package manager: install chromium (or Google Chrome)",
    '  npx playwright-core install --with-deps chromium',
    'or point CHROMIUM_PATH at a Chromium or Chrome executable, then run npm test again.',
  ].join('\n');
}

export function thisMachine(): Machine {
  return {
    env: process.env,
    exists: existsSync,
    playwrightChromium: chromium.executablePath(),
    isRoot: process.getuid?.() === 0,
    hasAptGet: existsSync('/usr/bin/apt-get'),
  };
}

/** A browser that cannot start (a download missing its system libraries) is no browser. */
function starts(path: string): boolean {
  return (
    spawnSync(path, ['--headless', '--no-sandbox', '--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0
  );
}

/** Runs one provisioning command; its output is shown only when it fails (apt-get's is long). */
function run(command: string[], log: (line: string) => void): boolean {
  const [file, ...args] = command;
  if (!file) return false;
  log(`$ ${command.join(' ')}`);
  const result = spawnSync(file, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status === 0) return true;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  for (const line of output.trim().split('\n').slice(-15)) log(`  ${line}`);
  return false;
}

/**
 * The browser's path, provisioning one if needed. Throws with `manualInstructions` when nothing works.
 * `fonts`: also make sure Sinhala and Tamil render (screenshots).
 */
export function ensureChromium(log: (line: string) => void, options: { fonts?: boolean } = {}): string {
  const machine = thisMachine();
  const fonts = options.fonts === true;
  let found = findChromium(machine);
  if (found && 'problem' in found) throw new Error(found.problem);
  if (found && fonts && !machine.exists(NOTO_SINHALA) && machine.isRoot && machine.hasAptGet) {
    log('installing fonts-noto-core with apt-get so Sinhala and Tamil render in screenshots');
    run(['apt-get', 'update', '-qq'], log);
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-core'], log);
  }
  if (found) return found.path;
  for (const step of provisionSteps(machine, { fonts })) {
    log(step.say);
    if (!step.command.every((command) => run(command, log))) {
      log('that did not work');
      continue;
    }
    if (found && 'path' in found) log(`${found.path} does not start on this machine`);
    found = findChromium(thisMachine());
    if (found && 'path' in found && starts(found.path)) {
      log(`Chromium ready: ${found.path}`);
      return found.path;
    }
  }
  throw new Error(manualInstructions(machine));
}
