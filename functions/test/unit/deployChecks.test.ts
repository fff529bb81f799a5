import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkFirebaseJson,
  checkFunctionsRequires,
  checkIndexSpec,
  checkParamsDocumented,
  checkRulesStructure,
  documentedParams,
  enginesFit,
} from '../../../scripts/lib/deployChecks';

const ROOT = join(__dirname, '..', '..', '..');
const file = (name: string) => readFileSync(join(ROOT, name), 'utf8');

const readme = (table: string) => `# X

## Deploy to a real Firebase project

Steps.

### Params and secrets

| name | secret | what for | example / default | required |
| --- | --- | --- | --- | --- |
${table}

## Troubleshooting

| \`NOT_A_PARAM\` | table of another section |
`;

describe('deploy check: every param and secret is documented in the README', () => {
  it('reads the names of the params table of the deploy section only', () => {
    const text = readme(
      '| `SMTP_HOST` | no | email | `smtp.example.com` | optional |\n| `SMTP_PASSWORD` | yes | x | - | yes |',
    );
    expect(documentedParams(text)).toEqual(['SMTP_HOST', 'SMTP_PASSWORD']);
  });

  it('names a declared param or secret the table lacks, and a row for a param no longer declared', () => {
    const text = readme('| `SMTP_HOST` | no | email | | optional |\n| `OLD_PARAM` | no | gone | | optional |');
    expect(
      checkParamsDocumented(
        [
          { name: 'SMTP_HOST', secret: false },
          { name: 'SMTP_PASSWORD', secret: true },
        ],
        text,
      ),
    ).toEqual([
      'README.md: secret SMTP_PASSWORD is declared by the functions but not in the params table',
      'README.md: the params table lists OLD_PARAM, which the functions no longer declare',
    ]);
  });

  it('fails when the README has no params table in its deploy section', () => {
    expect(
      checkParamsDocumented([{ name: 'A', secret: false }], '# X\n\n## Deploy to a real Firebase project\n'),
    ).toEqual(['README.md: no "### Params and secrets" table under "## Deploy to a real Firebase project"']);
  });

  it('passes when every param has its row', () => {
    expect(
      checkParamsDocumented([{ name: 'SMTP_HOST', secret: false }], readme('| `SMTP_HOST` | no | a | b | c |')),
    ).toEqual([]);
  });
});

describe('deploy check: firestore.rules structure', () => {
  it("accepts this repository's rules", () => {
    expect(checkRulesStructure(file('firestore.rules'))).toEqual([]);
  });

  it('finds a missing rules_version, an unclosed brace and a call to an undefined function', () => {
    const rules = `service cloud.firestore {
  match /databases/{database}/documents {
    function isSignedIn() { return request.auth != null; }
    match /cases/{id} { allow read: if isSignedIn() && hasRole('ro'); }
`;
    const problems = checkRulesStructure(rules);
    expect(problems).toContain("firestore.rules: must start with rules_version = '2';");
    expect(problems).toContain('firestore.rules: calls hasRole() which is not defined');
    expect(problems.some((p) => p.includes('never closed'))).toBe(true);
  });

  it('ignores brackets and calls inside strings and comments, and accepts built-ins like get() and exists()', () => {
    const rules = `rules_version = '2';
// a comment with { and missing() calls
service cloud.firestore {
  match /databases/{database}/documents {
    match /x/{id} { allow read: if exists(/databases/$(database)/documents/y/$(id)) && request.auth.token.role in ['a}'] && request.time.toMillis() > 0; }
  }
}
`;
    expect(checkRulesStructure(rules)).toEqual([]);
  });
});

describe('deploy check: firestore.indexes.json structure', () => {
  it("accepts this repository's index file", () => {
    expect(checkIndexSpec(JSON.parse(file('firestore.indexes.json')))).toEqual([]);
  });

  it('refuses a bad scope, a field with no mode, a one-field composite and a duplicate', () => {
    const two = [
      { fieldPath: 'a', order: 'ASCENDING' },
      { fieldPath: 'b', order: 'DESCENDING' },
    ];
    const problems = checkIndexSpec({
      indexes: [
        { collectionGroup: 'cases', queryScope: 'DATABASE', fields: two },
        {
          collectionGroup: 'cases',
          queryScope: 'COLLECTION',
          fields: [{ fieldPath: 'a' }, { fieldPath: 'b', order: 'UP' }],
        },
        { collectionGroup: 'cases', queryScope: 'COLLECTION', fields: [{ fieldPath: 'a', order: 'ASCENDING' }] },
        { collectionGroup: 'cases', queryScope: 'COLLECTION', fields: two },
        { collectionGroup: 'cases', queryScope: 'COLLECTION', fields: two },
      ],
      fieldOverrides: [{ collectionGroup: 'cases', fieldPath: 'notes', indexes: [{ order: 'ASCENDING' }] }],
    });
    expect(problems).toEqual([
      'firestore.indexes.json indexes[0]: "queryScope" must be one of COLLECTION, COLLECTION_GROUP',
      'firestore.indexes.json indexes[1].fields[0] (a): needs exactly one of "order", "arrayConfig"',
      'firestore.indexes.json indexes[1].fields[1]: "order" must be ASCENDING or DESCENDING',
      'firestore.indexes.json indexes[2]: a composite index needs two fields or more (one field is a field override)',
      'firestore.indexes.json indexes[4]: the same index as indexes[3]',
      'firestore.indexes.json fieldOverrides[0].indexes[0]: needs "queryScope"',
    ]);
  });
});

describe('deploy check: firebase.json and the functions package', () => {
  it("accepts this repository's firebase.json", () => {
    expect(checkFirebaseJson(JSON.parse(file('firebase.json')), 'nodejs22')).toEqual([]);
  });

  it('wants the runtime and a predeploy build', () => {
    const json = JSON.parse(file('firebase.json')) as { functions: Record<string, unknown>[] };
    json.functions[0] = { ...json.functions[0], runtime: 'nodejs20', predeploy: [] };
    expect(checkFirebaseJson(json, 'nodejs22')).toEqual([
      'firebase.json: functions "runtime" must be "nodejs22"',
      'firebase.json: functions "predeploy" must build the functions (`npm --prefix "$RESOURCE_DIR" run build`)',
    ]);
  });

  it('finds a module the built code requires that is only a devDependency or the root, and requires outside lib/', () => {
    expect(
      checkFunctionsRequires(
        {
          'lib/index.js': ['firebase-functions/v2/https', 'node:crypto', 'fs', './callables/a'],
          'lib/callables/a.js': [
            '@google-cloud/firestore/build/src/x',
            'fast-check',
            '../../../scripts/lib/ports',
            '../../src/x',
          ],
        },
        ['firebase-functions', '@google-cloud/firestore'],
        ['fs'],
      ),
    ).toEqual([
      'lib/callables/a.js: requires fast-check, not in functions/package.json "dependencies"',
      'lib/callables/a.js: requires ../../../scripts/lib/ports, outside the functions package',
      'lib/callables/a.js: requires ../../src/x, which is not deployed (only lib/ and package.json are)',
    ]);
  });

  it('wants engines.node to be the bare major of the runtime, the only form firebase-tools reads', () => {
    expect(enginesFit({ node: '22' }, 22)).toBe(true);
    expect(enginesFit({ node: '>=20' }, 22)).toBe(false);
    expect(enginesFit(undefined, 22)).toBe(false);
    expect(enginesFit(JSON.parse(file('functions/package.json')).engines, 22)).toBe(true);
  });
});

describe('deploy check: this repository', () => {
  it('documents every param and secret the functions declare in the README deploy section', async () => {
    await import('../../src/index');
    const { declaredParams } = await import('firebase-functions/params');
    const params = declaredParams.map((p) => ({ name: p.name, secret: p.constructor.name === 'SecretParam' }));
    expect(params.length).toBeGreaterThan(10);
    expect(checkParamsDocumented(params, file('README.md'))).toEqual([]);
  });
});
