import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'functions/lib/**', 'web/dist/**', 'web/dev-dist/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Domain code must stay free of Firebase (docs/architecture.md): fast to test, portable.
    },
  },
  // The layers (docs/architecture.md): imports point down only, entry → operations → services → data → domain.
  ...layer(
    'functions/src/domain/**/*.ts',
    'domain/ is pure TypeScript (no Firebase, no I/O): fast to test, shared with the web',
    [
      'firebase-admin*',
      'firebase-functions*',
      'firebase/*',
      '**/data/*',
      '**/services/*',
      '**/api/*',
      '**/operations/*',
      '**/callables/*',
      '**/triggers/*',
      '**/webhooks/*',
      '**/sources/*',
      '**/notifications/providers/*',
    ],
  ),
  ...layer('functions/src/data/**/*.ts', 'data/ is the door to Firestore; it knows nothing above it', [
    'firebase-functions/v2/https',
    '**/services/*',
    '**/api/*',
    '**/operations/*',
    '**/callables/*',
    '**/triggers/*',
  ]),
  ...layer(
    'functions/src/services/**/*.ts',
    'services/ throw a Refusal and know nothing of HTTP, callables or operations',
    ['firebase-functions/v2/https', '**/api/*', '**/operations/*', '**/callables/*', '**/triggers/*', '**/webhooks/*'],
  ),
  ...layer('functions/src/operations/**/*.ts', 'an operation handler calls services; Firestore is theirs (data/)', [
    'firebase-admin*',
    'firebase-functions*',
    '**/data/*',
    '**/callables/*',
    '**/triggers/*',
  ]),
  ...layer(
    'web/src/**/*.{ts,tsx}',
    'the web imports only the pure domain (contracts, schemas, policy) from the functions',
    [
      '**/functions/src/api/*',
      '**/functions/src/services/*',
      '**/functions/src/data/*',
      '**/functions/src/operations/*',
      '**/functions/src/triggers/*',
      '**/functions/src/sources/*',
      'firebase-admin*',
      'firebase-functions*',
    ],
  ),
);

/** One no-restricted-imports rule for the files of a layer: what they may not import, and why. */
function layer(files, message, group, ignores = []) {
  return [
    { files: [files], ignores, rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] } },
  ];
}
