import { httpsCallable } from 'firebase/functions';
import type {
  BasketCountsOutput,
  BasketFilter,
  CustomerOverview,
  DashboardOutput,
  ExportCasesInput,
  ExportCasesOutput,
  ImportView,
  SourceProblemsOutput,
} from '../../../functions/src/domain/contracts/types';
import { functions } from '../firebase';

/**
 * The callables behind the job basket, dashboards, bulk upload and Customer 360. Both stacks call them the same way
 * (DataSource.watchLive decides how they stay live), so they live apart from the data sources.
 */
export interface WorkApi {
  jobBasketCounts(filter: BasketFilter): Promise<BasketCountsOutput>;
  exportCases(input: ExportCasesInput): Promise<ExportCasesOutput>;
  dashboard(): Promise<DashboardOutput>;
  uploadImport(input: { fileName: string; contentBase64: string }): Promise<ImportView>;
  importStatus(importId: string): Promise<ImportView>;
  importErrorsCsv(importId: string): Promise<{ fileName: string; csv: string; rows: number }>;
  resumeImport(importId: string): Promise<ImportView>;
  /** Customer 360 of a case: the customer's other cases the caller may see, products, contacts. */
  customerOverview(caseId: string): Promise<CustomerOverview>;
  /** Source changes parked FAILED, payments for accounts with no case, and credits to refund or re-allocate. */
  sourceProblems(): Promise<SourceProblemsOutput>;
}

/** Uploads and resumes register for up to 20 s before answering; exports read every page. */
const LONG_MS = 300_000;

function callable<Req, Res>(name: string, timeout?: number): (data: Req) => Promise<Res> {
  const call = httpsCallable<Req, Res>(functions, name, timeout ? { timeout } : undefined);
  return async (data) => (await call(data)).data;
}

let api: WorkApi | null = null;

export function workApi(): WorkApi {
  if (api) return api;
  const importStatus = callable<{ importId: string }, ImportView>('importStatus');
  const importErrorsCsv = callable<{ importId: string }, { fileName: string; csv: string; rows: number }>(
    'importErrorsCsv',
    LONG_MS,
  );
  const resumeImport = callable<{ importId: string }, ImportView>('resumeImport', LONG_MS);
  const dashboard = callable<Record<string, never>, DashboardOutput>('dashboardFigures');
  const customerOverview = callable<{ caseId: string }, CustomerOverview>('customerOverview');
  const sourceProblems = callable<Record<string, never>, SourceProblemsOutput>('listSourceProblems');
  api = {
    jobBasketCounts: callable('jobBasketCounts'),
    exportCases: callable('exportCases', LONG_MS),
    dashboard: () => dashboard({}),
    uploadImport: callable('uploadImport', LONG_MS),
    importStatus: (importId) => importStatus({ importId }),
    importErrorsCsv: (importId) => importErrorsCsv({ importId }),
    resumeImport: (importId) => resumeImport({ importId }),
    customerOverview: (caseId) => customerOverview({ caseId }),
    sourceProblems: () => sourceProblems({}),
  };
  return api;
}

/** Saves text or base64 bytes as a file the browser downloads. */
export function download(fileName: string, content: string, encoding: 'utf8' | 'base64', type: string): void {
  const body =
    encoding === 'base64'
      ? Uint8Array.from(atob(content), (ch) => ch.charCodeAt(0))
      : new TextEncoder().encode(content);
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
