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
      expect.arrayContaining(['ACCOUNT_SOURCE', 'BACKUP_BUCKET', 'MONITOR_FANOUT_THRESHOLD']),
    );
    const missing = declaredParams
      .filter((p) => (p as unknown as { options?: { default?: unknown } }).options?.default === undefined)
      .map((p) => p.name);
    expect(missing).toEqual([]);
  });
});
