/**
 * `npm run deploy:check`: what `firebase deploy` would trip over, found offline and without credentials.
 *   1. firebase.json, firestore.indexes.json and firestore.rules are well formed (rules: structure only);
 *   2. the functions package builds, installs from functions/package.json alone and loads;
 *   3. every param and secret the functions declare has its row in the README's deploy section;
 *   4. every Firestore query the code issues is served by an index (shapes recorded while the integration
 *      tests run, docs/decisions/0024-query-shapes-from-the-tests.md).
 * Options: `--queries <queries.json>` checks an earlier recording instead of running the integration tests;
 * `--only indexes` runs step 4 alone (npm test does, with the shapes its own jest run recorded).
 * Exits non-zero when anything is wrong.
 */
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { RECORDED_QUERIES_FILE, type QueryShape } from '../functions/src/data/queryShape';
import {
  checkFirebaseJson,
  checkFunctionsRequires,
  checkIndexSpec,
  checkParamsDocumented,
  checkRulesStructure,
  enginesFit,
  type DeclaredParam,
} from './lib/deployChecks';
import { checkIndexes, formatIndexReport, type IndexSpec } from './lib/indexCheck';
import { ROOT } from './lib/ports';
import { WEB_QUERY_SHAPES } from './lib/webQueries';

/** The Cloud Functions runtime firebase.json deploys to, and the Node major it is. */
const RUNTIME = 'nodejs22';
const NODE_MAJOR = 22;

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
let failed = 0;

function report(title: string, problems: string[], note?: string): void {
  console.log(`\n── ${title}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
  for (const p of problems) console.log(`  ✗ ${p}`);
  if (note) console.log(`  ${note}`);
  if (problems.length > 0) failed += 1;
}

function parse(path: string): { json: unknown; problems: string[] } {
  try {
    return { json: readJson(path), problems: [] };
  } catch (error) {
    return { json: null, problems: [`${path}: not valid JSON (${(error as Error).message})`] };
  }
}

/** firebase-tools' own spec validation, the one `firebase deploy --only firestore:indexes` runs first. */
function firebaseToolsIndexProblems(spec: unknown): string[] {
  try {
    // firebase-tools has no typed API for this; its lib/ module is what its deploy command calls.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FirestoreApi } = require('firebase-tools/lib/firestore/api') as {
      FirestoreApi: new () => { validateSpec(s: unknown): void; upgradeOldSpec(s: unknown): unknown };
    };
    const api = new FirestoreApi();
    api.validateSpec(api.upgradeOldSpec(spec));
    return [];
  } catch (error) {
    return [`firestore.indexes.json (firebase-tools): ${(error as Error).message}`];
  }
}

function checkConfigFiles(): void {
  const fb = parse('firebase.json');
  report('firebase.json', fb.problems.length ? fb.problems : checkFirebaseJson(fb.json, RUNTIME));
  const ix = parse('firestore.indexes.json');
  const ixProblems = ix.problems.length ? ix.problems : checkIndexSpec(ix.json);
  if (ixProblems.length === 0) ixProblems.push(...firebaseToolsIndexProblems(ix.json));
  report('firestore.indexes.json', ixProblems);
  report(
    'firestore.rules',
    checkRulesStructure(readFileSync(join(ROOT, 'firestore.rules'), 'utf8')),
    'structure only (version, service, brackets, every function called is defined): no offline rules compiler ' +
      'exists without the Java emulator, so types and expressions are compiled at `firebase deploy` ' +
      '(or by the rules tests on the full stack).',
  );
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** Where the workspace install put a package (hoisted to the root, or kept in functions/). */
function installed(pkg: string): string | null {
  for (const base of [join(ROOT, 'functions', 'node_modules'), join(ROOT, 'node_modules')]) {
    if (existsSync(join(base, pkg, 'package.json'))) return join(base, pkg);
  }
  return null;
}

/**
 * Builds the functions into a temporary package (lib/ and package.json, what Cloud Build receives), gives it a
 * node_modules holding only the declared dependencies, loads it, and returns the params it declares.
 */
function checkFunctionsPackage(): DeclaredParam[] | null {
  const problems: string[] = [];
  const pkg = readJson('functions/package.json') as {
    main?: string;
    scripts?: Record<string, string>;
    engines?: unknown;
    dependencies?: Record<string, string>;
  };
  const deps = Object.keys(pkg.dependencies ?? {});
  if (!enginesFit(pkg.engines, NODE_MAJOR)) {
    problems.push(`functions/package.json: "engines": { "node": "${NODE_MAJOR}" } must match the ${RUNTIME} runtime`);
  }
  for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
    if (/^(file|link|workspace):/.test(range))
      problems.push(`functions/package.json: ${name} points into this repository (${range})`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'debtx-functions-'));
  try {
    const built = spawnSync(bin('tsc'), ['-p', 'functions/tsconfig.build.json', '--outDir', join(dir, 'lib')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) {
      report('functions package', [`the build failed:\n${built.stdout}${built.stderr}`]);
      return null;
    }
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    const requires: Record<string, string[]> = {};
    for (const file of jsFiles(join(dir, 'lib'))) {
      const text = readFileSync(file, 'utf8');
      requires[relative(dir, file)] = [
        ...new Set([...text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!)),
      ];
    }
    problems.push(...checkFunctionsRequires(requires, deps, builtinModules));
    if (pkg.main !== 'lib/index.js') problems.push('functions/package.json: "main" must be lib/index.js');
    if (!pkg.scripts?.build)
      problems.push('functions/package.json: no "build" script for firebase.json\'s predeploy to run');

    // Only the declared dependencies, linked from the workspace install; their own dependencies resolve from
    // where they really live, as an install of functions/package.json alone would give them.
    for (const dep of deps) {
      const at = installed(dep);
      if (!at) {
        problems.push(`${dep} is declared but not installed (run npm ci)`);
        continue;
      }
      mkdirSync(dirname(join(dir, 'node_modules', dep)), { recursive: true });
      symlinkSync(at, join(dir, 'node_modules', dep), 'dir');
    }
    const probe = `
      const fns = require('./lib/index.js');
      const { declaredParams } = require('firebase-functions/params');
      // firebase deploy names a function by its export path; a plain object is a group ("mobile-recordContact").
      const exported = [], other = [];
      const walk = (obj, prefix) => {
        for (const [k, f] of Object.entries(obj)) {
          if (typeof f === 'function' && f.__endpoint) exported.push(prefix + k);
          else if (f && typeof f === 'object' && Object.getPrototypeOf(f) === Object.prototype) walk(f, prefix + k + '-');
          else other.push(prefix + k);
        }
      };
      walk(fns, '');
      console.log(JSON.stringify({
        exported,
        other,
        params: declaredParams.map((p) => ({ name: p.name, secret: p.constructor.name === 'SecretParam' })),
      }));`;
    // A clean environment: no emulator, no credentials; params keep their defaults or stay unset, as on deploy.
    const loaded = spawnSync(process.execPath, ['-e', probe], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', GCLOUD_PROJECT: 'demo-deploy-check', NODE_PATH: '' },
    });
    if (loaded.status !== 0) {
      problems.push(`lib/index.js does not load from functions/package.json alone:\n${loaded.stderr.trim()}`);
      report('functions package', problems);
      return null;
    }
    const out = JSON.parse(loaded.stdout.trim().split('\n').pop()!) as {
      exported: string[];
      other: string[];
      params: DeclaredParam[];
    };
    if (out.exported.length === 0) problems.push('lib/index.js exports no functions');
    for (const name of out.other)
      problems.push(`lib/index.js exports ${name}, which is not a function firebase deploy can use`);
    report(
      'functions package',
      problems,
      `built, installed from functions/package.json alone (${deps.length} dependencies) and loaded: ` +
        `${out.exported.length} functions, ${out.params.length} params`,
    );
    return out.params;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkParams(params: DeclaredParam[]): void {
  report('params and secrets documented', checkParamsDocumented(params, readFileSync(join(ROOT, 'README.md'), 'utf8')));
}

/**
 * Runs the integration tests with query recording on; returns the merged recording. Success is read from
 * jest's results, not its exit code: a stream the emulator closes at teardown can crash the process after
 * every test has passed.
 */
function recordQueries(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'debtx-queries-'));
  const results = join(dir, 'jest-results.json');
  console.log('\n── recording queries: jest test/integration (3 to 5 minutes)');
  const started = Date.now();
  spawnSync(bin('jest'), ['test/integration', '--silent', '--json', `--outputFile=${results}`], {
    cwd: join(ROOT, 'functions'),
    stdio: 'ignore',
    env: { ...process.env, DEBTX_RECORD_QUERIES: dir },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const run = existsSync(results)
    ? (JSON.parse(readFileSync(results, 'utf8')) as {
        numFailedTests: number;
        numFailedTestSuites: number;
        numPassedTests: number;
        testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[];
      })
    : null;
  if (!run || run.numFailedTests > 0 || run.numFailedTestSuites > 0) {
    failed += 1;
    console.log(`  integration tests FAILED in ${seconds} s (a failing test may have skipped queries):`);
    for (const file of run?.testResults ?? []) {
      if (file.status !== 'failed') continue;
      const names = file.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName);
      console.log(`    ${relative(ROOT, file.name)}${names.length ? `: ${names.join('; ')}` : ''}`);
    }
  } else console.log(`  ${run.numPassedTests} integration tests passed in ${seconds} s`);
  const file = join(dir, RECORDED_QUERIES_FILE);
  return existsSync(file) ? file : null;
}

/** Step 4 (npm test runs it alone, with the shapes its own jest run recorded). */
function checkQueryIndexes(queriesFile: string): void {
  if (!existsSync(queriesFile)) {
    console.log(`\n── Firestore indexes: no recorded queries at ${queriesFile} (did jest run to the end?)`);
    failed += 1;
    return;
  }
  const recorded = JSON.parse(readFileSync(queriesFile, 'utf8')) as QueryShape[];
  const spec = readJson('firestore.indexes.json') as IndexSpec;
  const shapes = [...recorded, ...WEB_QUERY_SHAPES];
  const result = checkIndexes(shapes, spec);
  const lines = formatIndexReport(result, spec);
  console.log(`\n── Firestore indexes (${recorded.length} recorded + ${WEB_QUERY_SHAPES.length} web listener queries)`);
  for (const line of lines) console.log(`  ${line}`);
  if (result.missing > 0) failed += 1;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--queries');
  const queries = at >= 0 ? args[at + 1] : undefined;
  if (!args.includes('--only')) {
    checkConfigFiles();
    const params = checkFunctionsPackage();
    if (params) checkParams(params);
  }
  const file = queries ?? recordQueries();
  if (file) checkQueryIndexes(file);
  else {
    console.log('\n── Firestore indexes: no recorded queries (the integration tests did not run)');
    failed += 1;
  }
  console.log(`\ndeploy:check ${failed === 0 ? 'passed' : `failed (${failed} check(s))`}`);
  process.exit(failed === 0 ? 0 : 1);
}

if (require.main === module) main();
