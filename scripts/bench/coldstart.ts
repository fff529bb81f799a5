/**
 * `npm run bench:coldstart`: how long a fresh Node process takes to load the functions bundle, which every
 * cold start pays (a new Cloud Functions instance; each worker the Functions emulator spawns for a callable).
 * Baseline, in the same run: the same load plus the SDKs the bundle now loads only where they are used
 * (exceljs, @google-cloud/pubsub, twilio, nodemailer) and the firebase-functions v1 root, i.e. the bundle as it was when it imported them at the top.
 * Prints the median of several runs of each, interleaved so machine load hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const FUNCTIONS = join(__dirname, '..', '..', 'functions');
const BUNDLE = join(FUNCTIONS, 'lib', 'index.js');
// 'firebase-functions' is the v1 root the logger used to come from (now 'firebase-functions/logger').
const LAZY = ['exceljs', '@google-cloud/pubsub', 'twilio', 'nodemailer', 'firebase-functions'];
const RUNS = 7;

function loadMs(extra: string[]): number {
  const code = `const t = process.hrtime.bigint(); require(${JSON.stringify(BUNDLE)}); ${extra
    .map((m) => `require(${JSON.stringify(m)});`)
    .join(' ')} process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: FUNCTIONS, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading the bundle failed: ${r.stderr}`);
  return Number(r.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function main(): void {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: FUNCTIONS, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(BUNDLE)) throw new Error('functions build failed');
  loadMs([]); // the first run also warms the file cache
  const now: number[] = [];
  const before: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    now.push(loadMs([]));
    before.push(loadMs(LAZY));
  }
  const ms = median(now);
  const baseline = median(before);
  console.log(`BENCH coldstart.load_ms ${ms.toFixed(0)}`);
  console.log(`BENCH coldstart.baseline_load_ms ${baseline.toFixed(0)}`);
  console.log(`BENCH coldstart.ratio ${(baseline / ms).toFixed(2)}`);
}

main();
