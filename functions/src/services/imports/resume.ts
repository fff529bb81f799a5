import { Refusal } from '../../domain/refusal';
import { driveImport, summaryOf, type ImportDeps, type ImportSummary } from '../bulkImport';
import { importOrRefuse } from './status';
import { INLINE_BUDGET_MS } from './upload';

/**
 * Continues an import for up to INLINE_BUDGET_MS (a client that sees no progress, or a local stack without the
 * import's trigger, calls it until the import is DONE).
 */
export async function resumeImport(importId: string, deps: ImportDeps): Promise<ImportSummary & { busy: boolean }> {
  const job = await importOrRefuse(importId);
  // Staging is not resumable: its runner died with the file, which only a new upload brings back.
  if (job.state === 'PARSING' && (!job.lease || job.lease.until <= deps.now())) {
    throw new Refusal('failed-precondition', 'Reading the file was interrupted; upload the same file again.');
  }
  if (job.state !== 'RUNNING') return { ...summaryOf(importId, job), busy: false };
  const { processed: _processed, ...rest } = await driveImport(importId, deps, { budgetMs: INLINE_BUDGET_MS });
  return rest;
}
