import { declaredParams } from 'firebase-functions/params';
import * as functions from '../../src/index';

/**
 * A param without a default makes the Functions emulator (and `firebase deploy` in CI) stop and ask for a
 * value, so the local stack would come up with no functions at all. Every plain param needs a default.
 */
describe('function params', () => {
  it('every exported function loads, and every plain param has a default', () => {
    expect(Object.keys(functions).length).toBeGreaterThan(10);
    expect(declaredParams.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'ACCOUNT_SOURCE',
        'SOURCE_BASE_URL',
        'SOURCE_DROP_DIR',
        'BACKUP_BUCKET',
        'MONITOR_FANOUT_THRESHOLD',
      ]),
    );
    // Secrets are not plain params: the emulator does not prompt for them (it reads .secret.local, or warns).
    const plain = declaredParams.filter((p) => (p.constructor as { type?: string }).type !== 'secret');
    expect(declaredParams.map((p) => p.name)).toContain('SOURCE_TOKEN');
    const missing = plain
      .filter((p) => (p as unknown as { options?: { default?: unknown } }).options?.default === undefined)
      .map((p) => p.name);
    expect(missing).toEqual([]);
  });
});

describe('secret bindings', () => {
  // A deployed function sees a secret only when it declares it; one that reads the source systems without the
  // token would be refused by the gateway in production while every local test passed.
  it.each(['onRequestCreated', 'onImportWritten', 'uploadImport', 'resumeImport', 'monitorSchedule'] as const)(
    '%s, which reads the source systems, is bound to SOURCE_TOKEN',
    (name) => {
      const endpoint = (
        (functions as Record<string, unknown>)[name] as {
          __endpoint: { secretEnvironmentVariables?: { key: string }[] };
        }
      ).__endpoint;
      expect((endpoint.secretEnvironmentVariables ?? []).map((s) => s.key)).toContain('SOURCE_TOKEN');
    },
  );

  it('a function that never reads the source systems is not given the token', () => {
    // Wired by the registry's loop (Object.assign), so not among the module's typed exports.
    const listCases = (functions as unknown as Record<string, unknown>).listCases;
    const endpoint = (listCases as { __endpoint: { secretEnvironmentVariables?: unknown[] } }).__endpoint;
    expect(endpoint.secretEnvironmentVariables ?? []).toEqual([]);
  });
});
