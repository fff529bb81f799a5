import { posix } from 'node:path';

/**
 * The pure checks of `npm run deploy:check` (scripts/deploy-check.ts does the files and processes):
 * each takes text or parsed JSON and returns the problems it found, as sentences a newcomer can act on.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** firebase.json: the keys `firebase deploy` reads for what this project deploys. */
export function checkFirebaseJson(json: unknown, runtime: string): string[] {
  const problems: string[] = [];
  if (!isObject(json)) return ['firebase.json: not a JSON object'];
  const fs = json.firestore;
  if (!isObject(fs) || fs.rules !== 'firestore.rules' || fs.indexes !== 'firestore.indexes.json') {
    problems.push(
      'firebase.json: "firestore" must name "rules": "firestore.rules" and "indexes": "firestore.indexes.json"',
    );
  }
  const functions = Array.isArray(json.functions) ? json.functions : [json.functions];
  const fn = functions.find((f): f is Record<string, unknown> => isObject(f) && f.source === 'functions');
  if (!fn) problems.push('firebase.json: no "functions" entry with "source": "functions"');
  else {
    if (fn.runtime !== runtime) problems.push(`firebase.json: functions "runtime" must be "${runtime}"`);
    const predeploy = Array.isArray(fn.predeploy) ? fn.predeploy : [fn.predeploy];
    if (!predeploy.some((p) => typeof p === 'string' && /\brun build\b/.test(p))) {
      problems.push(
        'firebase.json: functions "predeploy" must build the functions (`npm --prefix "$RESOURCE_DIR" run build`)',
      );
    }
    const ignore = Array.isArray(fn.ignore) ? fn.ignore : [];
    if (ignore.some((p) => p === 'lib' || p === 'lib/**' || p === 'package.json')) {
      problems.push('firebase.json: functions "ignore" leaves out the built code or package.json');
    }
  }
  const hosting = json.hosting;
  if (!isObject(hosting) || typeof hosting.public !== 'string')
    problems.push('firebase.json: "hosting.public" missing');
  else {
    const rewrites = Array.isArray(hosting.rewrites) ? hosting.rewrites : [];
    for (const r of rewrites) {
      if (!isObject(r) || typeof r.source !== 'string')
        problems.push('firebase.json: a hosting rewrite has no "source"');
      else if (!('destination' in r) && !isObject(r.function)) {
        problems.push(`firebase.json: hosting rewrite ${r.source} has neither "destination" nor "function"`);
      }
    }
  }
  return problems;
}

const ORDERS = ['ASCENDING', 'DESCENDING'];
const SCOPES = ['COLLECTION', 'COLLECTION_GROUP'];

/**
 * firestore.indexes.json's structure, as `firebase deploy` and the Firestore API require it, plus what the API
 * refuses at deploy time: a composite index of one field (that is a single-field index, set by a field
 * override) and the same index twice.
 */
export function checkIndexSpec(json: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(json) || !Array.isArray(json.indexes)) return ['firestore.indexes.json: needs an "indexes" array'];
  const seen = new Map<string, number>();
  json.indexes.forEach((index: unknown, i: number) => {
    const at = `firestore.indexes.json indexes[${i}]`;
    if (!isObject(index)) return void problems.push(`${at}: not an object`);
    if (typeof index.collectionGroup !== 'string' || !index.collectionGroup)
      problems.push(`${at}: no "collectionGroup"`);
    if (!SCOPES.includes(index.queryScope as string))
      problems.push(`${at}: "queryScope" must be one of ${SCOPES.join(', ')}`);
    if (!Array.isArray(index.fields) || index.fields.length === 0) return void problems.push(`${at}: no "fields"`);
    index.fields.forEach((f: unknown, j: number) => {
      if (!isObject(f) || typeof f.fieldPath !== 'string' || !f.fieldPath) {
        return void problems.push(`${at}.fields[${j}]: no "fieldPath"`);
      }
      const modes = ['order', 'arrayConfig'].filter((k) => k in f);
      if (modes.length !== 1)
        problems.push(`${at}.fields[${j}] (${f.fieldPath}): needs exactly one of "order", "arrayConfig"`);
      if ('order' in f && !ORDERS.includes(f.order as string))
        problems.push(`${at}.fields[${j}]: "order" must be ASCENDING or DESCENDING`);
      if ('arrayConfig' in f && f.arrayConfig !== 'CONTAINS')
        problems.push(`${at}.fields[${j}]: "arrayConfig" must be CONTAINS`);
    });
    const named = (index.fields as { fieldPath?: string }[]).filter((f) => f.fieldPath !== '__name__');
    if (named.length < 2)
      problems.push(`${at}: a composite index needs two fields or more (one field is a field override)`);
    const key = JSON.stringify([index.collectionGroup, index.queryScope, index.fields]);
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${at}: the same index as indexes[${first}]`);
    else seen.set(key, i);
  });
  const overrides = json.fieldOverrides ?? [];
  if (!Array.isArray(overrides)) problems.push('firestore.indexes.json: "fieldOverrides" must be an array');
  else {
    overrides.forEach((o: unknown, i: number) => {
      const at = `firestore.indexes.json fieldOverrides[${i}]`;
      if (!isObject(o) || typeof o.collectionGroup !== 'string' || typeof o.fieldPath !== 'string') {
        return void problems.push(`${at}: needs "collectionGroup" and "fieldPath"`);
      }
      if (!Array.isArray(o.indexes))
        return void problems.push(`${at}: needs an "indexes" array (empty to exempt the field)`);
      o.indexes.forEach((m: unknown, j: number) => {
        if (!isObject(m) || !SCOPES.includes(m.queryScope as string))
          problems.push(`${at}.indexes[${j}]: needs "queryScope"`);
        else if (!(ORDERS.includes(m.order as string) || m.arrayConfig === 'CONTAINS')) {
          problems.push(`${at}.indexes[${j}]: needs "order" (ASCENDING/DESCENDING) or "arrayConfig": "CONTAINS"`);
        }
      });
    });
  }
  return problems;
}

/** What the rules language provides as global functions; everything else called must be defined in the file. */
const RULES_BUILTINS = new Set([
  'get',
  'exists',
  'getAfter',
  'existsAfter',
  'debug',
  'int',
  'float',
  'string',
  'bool',
  'path',
]);
const RULES_KEYWORDS = new Set(['if', 'function', 'match', 'allow', 'return', 'let']);

/**
 * A structural check of firestore.rules. It is not the rules compiler: that runs only in the Firestore
 * emulator (Java) or at `firebase deploy`, so expression types and field names are checked there, not here.
 */
export function checkRulesStructure(text: string): string[] {
  const problems: string[] = [];
  // Comments and strings out, keeping line breaks so line numbers stay right.
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
  if (!/^\s*rules_version\s*=\s*''\s*;/.test(code) || !/^\s*rules_version\s*=\s*['"]2['"]\s*;/m.test(text)) {
    problems.push("firestore.rules: must start with rules_version = '2';");
  }
  if (!/\bservice\s+cloud\.firestore\s*\{/.test(code)) problems.push('firestore.rules: no `service cloud.firestore {`');
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: { ch: string; line: number }[] = [];
  let line = 1;
  for (const ch of code) {
    if (ch === '\n') line += 1;
    else if (ch === '(' || ch === '[' || ch === '{') stack.push({ ch, line });
    else if (ch in pairs) {
      const open = stack.pop();
      if (!open || open.ch !== pairs[ch]) {
        problems.push(`firestore.rules line ${line}: unbalanced "${ch}"`);
        return problems;
      }
    }
  }
  for (const open of stack) problems.push(`firestore.rules line ${open.line}: "${open.ch}" never closed`);
  const defined = new Set([...code.matchAll(/\bfunction\s+([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1]!));
  for (const m of code.matchAll(/(^|[^.\w$])([A-Za-z_]\w*)\s*\(/g)) {
    const name = m[2]!;
    if (!defined.has(name) && !RULES_BUILTINS.has(name) && !RULES_KEYWORDS.has(name)) {
      problems.push(`firestore.rules: calls ${name}() which is not defined`);
    }
  }
  return [...new Set(problems)];
}

export interface DeclaredParam {
  name: string;
  secret: boolean;
}

/**
 * The params table of the README's deploy section: the first cell of each row of the table under
 * `### Params and secrets` inside `## Deploy to a real Firebase project`, in backticks.
 */
export function documentedParams(readme: string): string[] | null {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Deploy to a real Firebase project'));
  if (!section) return null;
  const sub = section.split(/^### /m).find((s) => s.startsWith('Params and secrets'));
  if (!sub) return null;
  return [...sub.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]!);
}

/** Every declared param must have its row; rows for params no longer declared are reported too. */
export function checkParamsDocumented(params: DeclaredParam[], readme: string): string[] {
  const documented = documentedParams(readme);
  if (documented === null) {
    return ['README.md: no "### Params and secrets" table under "## Deploy to a real Firebase project"'];
  }
  const declared = new Set(params.map((p) => p.name));
  return [
    ...params
      .filter((p) => !documented.includes(p.name))
      .map(
        (p) =>
          `README.md: ${p.secret ? 'secret' : 'param'} ${p.name} is declared by the functions but not in the params table`,
      ),
    ...documented
      .filter((name) => !declared.has(name))
      .map((name) => `README.md: the params table lists ${name}, which the functions no longer declare`),
  ];
}

/**
 * Modules the built functions require that functions/package.json does not list in "dependencies" (Cloud Build
 * installs only those), and requires that reach outside the functions folder. `requires` maps each compiled
 * file (relative to functions/) to the specifiers it requires.
 */
export function checkFunctionsRequires(
  requires: Record<string, string[]>,
  dependencies: string[],
  builtins: readonly string[],
): string[] {
  const problems: string[] = [];
  const deps = new Set(dependencies);
  const core = new Set(builtins);
  for (const [file, specs] of Object.entries(requires)) {
    for (const spec of specs) {
      if (spec.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        if (target.startsWith('..')) problems.push(`${file}: requires ${spec}, outside the functions package`);
        else if (!target.startsWith('lib/') && target !== 'package.json') {
          problems.push(`${file}: requires ${spec}, which is not deployed (only lib/ and package.json are)`);
        }
        continue;
      }
      if (spec.startsWith('node:') || core.has(spec)) continue;
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (!deps.has(pkg)) problems.push(`${file}: requires ${pkg}, not in functions/package.json "dependencies"`);
    }
  }
  return problems;
}

/**
 * Whether functions/package.json's engines.node names the deploy runtime's major version. firebase-tools turns
 * it into `nodejs${engines.node}` when firebase.json names no runtime, so only the bare major ("22") works.
 */
export function enginesFit(engines: unknown, major: number): boolean {
  return isObject(engines) && engines.node === String(major);
}
