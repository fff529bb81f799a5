import { backupPlan, exportFirestore, type ExportClient } from '../../src/services/backup';

const client = (): ExportClient & { requests: unknown[] } => {
  const requests: unknown[] = [];
  return {
    requests,
    databasePath: (p, d) => `projects/${p}/databases/${d}`,
    exportDocuments: async (r) => {
      requests.push(r);
      return [{ name: 'projects/p/databases/(default)/operations/op1' }];
    },
  };
};

describe('daily Firestore export', () => {
  it('asks the managed export for every collection into a dated folder', async () => {
    const c = client();
    const out = await exportFirestore(c, 'debtx-prod', 'debtx-backups', '2026-11-23T20:30:00.123Z');
    expect(c.requests).toEqual([
      {
        name: 'projects/debtx-prod/databases/(default)',
        outputUriPrefix: 'gs://debtx-backups/firestore/2026-11-23T20-30-00Z',
        collectionIds: [],
      },
    ]);
    expect(out.operation).toBe('projects/p/databases/(default)/operations/op1');
  });

  it('refuses a bucket that is not a bucket name', () => {
    expect(() => backupPlan(client(), 'p', 'gs://oops/', '2026-11-23T00:00:00.000Z')).toThrow(/not a bucket name/);
    expect(() => backupPlan(client(), 'p', '', '2026-11-23T00:00:00.000Z')).toThrow(/not a bucket name/);
  });
});
