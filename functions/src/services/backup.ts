/**
 * Daily managed export of Firestore to Cloud Storage (restore: docs/operations.md). The Firestore Admin API does the
 * work; this only asks for it and records the operation, so a restore can name the export it came from.
 */
export interface ExportClient {
  databasePath(project: string, database: string): string;
  exportDocuments(request: {
    name: string;
    outputUriPrefix: string;
    collectionIds: string[];
  }): Promise<readonly [{ name?: string | null }, ...unknown[]]>;
}

export interface BackupPlan {
  name: string;
  outputUriPrefix: string;
}

/** Exports land in dated folders: gs://<bucket>/firestore/2026-11-23T20-30-00Z. */
export function backupPlan(
  client: Pick<ExportClient, 'databasePath'>,
  project: string,
  bucket: string,
  now: string,
): BackupPlan {
  if (!/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(bucket))
    throw new Error(`BACKUP_BUCKET "${bucket}" is not a bucket name`);
  const stamp = now.replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return { name: client.databasePath(project, '(default)'), outputUriPrefix: `gs://${bucket}/firestore/${stamp}` };
}

export async function exportFirestore(
  client: ExportClient,
  project: string,
  bucket: string,
  now: string,
): Promise<{ operation: string; outputUriPrefix: string }> {
  const plan = backupPlan(client, project, bucket, now);
  // An empty collection list exports every collection.
  const [operation] = await client.exportDocuments({ ...plan, collectionIds: [] });
  return { operation: operation.name ?? '(unnamed operation)', outputUriPrefix: plan.outputUriPrefix };
}
