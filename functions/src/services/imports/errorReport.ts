import { importErrorsCsv } from '../bulkImport';
import { importOrRefuse } from './status';

/** The per-row error report (row, column, reason) as CSV text, named after the uploaded file. */
export async function importErrorReport(
  importId: string,
): Promise<{ importId: string; fileName: string; csv: string; rows: number }> {
  const job = await importOrRefuse(importId);
  const csv = await importErrorsCsv(importId, job);
  return { importId, fileName: `${job.fileName.replace(/\.[^.]*$/, '')}-errors.csv`, csv, rows: job.rejected };
}
