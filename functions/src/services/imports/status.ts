import { Refusal } from '../../domain/refusal';
import type { ImportJob } from '../bulkImportStore';
import { readImport, summaryOf, type ImportSummary } from '../bulkImport';

/** The import, or NOT_FOUND. */
export async function importOrRefuse(importId: string): Promise<ImportJob> {
  const job = await readImport(importId);
  if (!job) throw new Refusal('not-found', `No import ${importId}.`);
  return job;
}

/** An import's progress: rows done of total, registered and rejected so far. */
export async function importStatus(importId: string): Promise<ImportSummary & { percent: number }> {
  const job = await importOrRefuse(importId);
  return {
    ...summaryOf(importId, job),
    percent: job.total === 0 ? 100 : Math.floor((job.done / job.total) * 100),
  };
}
