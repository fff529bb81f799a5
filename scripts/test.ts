/**
 * `npm test`: every test, on whichever stack this machine has (docs/architecture.md).
 *   1. typecheck (functions, web, scripts) and lint (ESLint, Prettier); beside them, on the other core, the
 *      production web bundle is built and checked for local-stack configuration (scripts/lib/webBundle.ts)
 *   2. jest, two projects (docs/decisions/0031-test-projects.md): `unit` (pure logic, no emulator), then
 *      `integration` (against a Firestore emulator: the offline one in-process, or the official one when
 *      FIRESTORE_EMULATOR_HOST is set; triggers, conformance, rules); then the index check of every query shape
 *      jest recorded (`N queries, N served, M missing`)
 *   3. the web client's tests, run by Vitest in web/
 *   4. browser tests in headless Chromium against the local stack. A machine without Chromium gets one first
 *      (scripts/lib/browser.ts); only when none can be had does the run stop, saying what to run.
 * Tests that need the full stack are named as not run elsewhere. Ends with one line:
 * `tests: N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECORDED_QUERIES_FILE } from '../functions/src/data/queryShape';
import { ROOT } from './lib/ports';
import { runBrowserTests } from './e2e/runBrowserTests';
import { buildAndScanWebBundle } from './lib/webBundle';
import { ensureChromium } from './lib/browser';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
  notRun: string[];
}
const tally: Tally = { passed: 0, failed: 0, skipped: 0, failures: [], notRun: [] };
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const full = process.argv.includes('--full');

function step(name: string, command: string, args: string[], cwd = ROOT): void {
  process.stdout.write(`\n── ${name}\n`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    tally.failures.push(name);
  }
}

/** What jest's `--json` writes; Vitest's JSON reporter writes the same shape. */
interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
  testResults: {
    assertionResults: { fullName: string; status: string }[];
    status: string;
    message: string;
    name: string;
  }[];
}

/** Where this run's jest records the shape of every Firestore query the code issues (checked after jest). */
const queriesDir = mkdtempSync(join(tmpdir(), 'debtx-queries-'));

/** Adds one runner's JSON results to the tally: counts, failures by name, and what was not run. */
function count(runner: string, out: string): void {
  if (!existsSync(out)) {
    tally.failed += 1;
    tally.failures.push(`${runner} did not run`);
    return;
  }
  const results = JSON.parse(readFileSync(out, 'utf8')) as JestJson;
  tally.passed += results.numPassedTests;
  tally.failed += results.numFailedTests;
  tally.skipped += results.numPendingTests + results.numTodoTests;
  for (const file of results.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      tally.failed += 1;
      tally.failures.push(`${file.name}: ${file.message.split('\n')[0]}`);
    }
    for (const a of file.assertionResults) {
      if (a.status === 'failed') tally.failures.push(a.fullName);
      // jest says pending, Vitest skipped, for a test that did not run.
      if (a.status === 'pending' || a.status === 'skipped') tally.notRun.push(a.fullName);
    }
  }
}

/**
 * One jest project of functions/jest.config.js (docs/decisions/0031): `unit` needs no emulator; `integration`
 * starts its own (offline stack) or, with --full, runs inside the official emulators. Both record query shapes;
 * the integration project's teardown merges them for the index check.
 */
function jest(project: 'unit' | 'integration', title: string): void {
  process.stdout.write(`\n── jest ${project} (${title})\n`);
  const out = join(mkdtempSync(join(tmpdir(), 'debtx-jest-')), 'results.json');
  const env = { ...process.env, DEBTX_RECORD_QUERIES: queriesDir };
  const args = ['--selectProjects', project, '--json', `--outputFile=${out}`];
  if (full && project === 'integration') {
    // The full stack: the official Firestore and Auth emulators around the same suite (rules tests, isolation).
    spawnSync(
      bin('firebase'),
      ['emulators:exec', '--only', 'firestore,auth', '--project', 'demo-debtx', [bin('jest'), ...args].join(' ')],
      { cwd: join(ROOT, 'functions'), stdio: 'inherit', env: { ...env, DEBTX_FIRESTORE_KIND: 'official' } },
    );
  } else {
    spawnSync(bin('jest'), args, { cwd: join(ROOT, 'functions'), stdio: 'inherit', env });
  }
  count(`jest ${project}`, out);
}

/** The web client's own tests (the *.test.ts files under web/src), run by Vitest with the app's own Vite config. */
function webTests(): void {
  process.stdout.write('\n── web tests (Vitest)\n');
  const out = join(mkdtempSync(join(tmpdir(), 'debtx-vitest-')), 'results.json');
  spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: join(ROOT, 'web'),
    stdio: 'inherit',
    env: process.env,
  });
  count('vitest', out);
}

/** First, so a machine that cannot have a browser hears it at once, not after the whole suite. */
function browserOrStop(): string {
  process.stdout.write('\n── Chromium for the browser tests\n');
  try {
    const path = ensureChromium((line) => process.stdout.write(`  ${line}\n`));
    process.stdout.write(`  using ${path}\n`);
    return path;
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    console.log(`\ntests: 0 passed, 1 failed, 0 skipped`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const chromium = browserOrStop();
  if (process.env.DEBTX_TEST_ONLY === 'browser') return browserOnly(chromium);
  // The typechecks use one core; the bundle build runs beside them so the suite takes no longer.
  const bundle = buildAndScanWebBundle();
  step('typecheck functions', bin('tsc'), ['-p', 'functions/tsconfig.json', '--noEmit']);
  step('typecheck web', bin('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']);
  step('typecheck scripts', bin('tsc'), ['-p', 'scripts/tsconfig.json', '--noEmit']);
  step('eslint', bin('eslint'), ['.']);
  step('prettier', bin('prettier'), ['--check', '.']);
  const checked = await bundle;
  process.stdout.write('\n── web production bundle (no demo key, no emulator address; built beside the typechecks)\n');
  for (const line of checked.lines) process.stdout.write(`  ${line}\n`);
  if (checked.ok) tally.passed += 1;
  else {
    tally.failed += 1;
    tally.failures.push('web production bundle holds local-stack configuration');
  }
  jest('unit', "domain and pure logic, web-facing contracts, the scripts' checks; no emulator");
  jest('integration', 'callables, triggers and APIs against the emulators, conformance, rules');
  // A query the code issues that no index serves fails here, not in production (docs/decisions/0024).
  step('Firestore indexes for the queries jest recorded', bin('tsx'), [
    'scripts/deploy-check.ts',
    '--only',
    'indexes',
    '--queries',
    join(queriesDir, RECORDED_QUERIES_FILE),
  ]);
  webTests();
  process.stdout.write('\n── browser tests (headless Chromium, local stack)\n');
  const browser = await runBrowserTests({ full, chromium });
  tally.passed += browser.passed;
  tally.failed += browser.failed;
  tally.skipped += browser.skipped;
  tally.failures.push(...browser.failures);
  tally.notRun.push(...browser.notRun);

  if (tally.notRun.length > 0) {
    console.log(
      '\nNot run here (they need the full stack: Java 21+ and the official emulators; run `npm run test:full` there):',
    );
    for (const name of tally.notRun) console.log(`  NOT RUN: ${name}`);
  }
  if (tally.failures.length > 0) {
    console.log('\nFailed:');
    for (const name of tally.failures) console.log(`  FAILED: ${name}`);
  }
  console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

async function browserOnly(chromium: string): Promise<void> {
  const b = await runBrowserTests({ full, chromium });
  console.log(`\ntests: ${b.passed} passed, ${b.failed} failed, ${b.skipped} skipped`);
  process.exit(b.failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`\ntests: ${tally.passed} passed, ${tally.failed + 1} failed, ${tally.skipped} skipped`);
  process.exit(1);
});
