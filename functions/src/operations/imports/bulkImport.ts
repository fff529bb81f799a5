import { accountSource, nowIso } from '../../config';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/imports';
import type { ImportDeps } from '../../services/bulkImport';
import { importErrorReport } from '../../services/imports/errorReport';
import { resumeImport as resume } from '../../services/imports/resume';
import { importStatus as status } from '../../services/imports/status';
import { uploadImport as upload } from '../../services/imports/upload';

/** Registration reads the configured source systems (demo, HTTP gateway or file drop). */
const importDeps = (): ImportDeps => ({ source: accountSource(), now: nowIso });

export const uploadImport = implement(contracts.uploadImport, (actor, input) =>
  upload({ uid: actor.uid }, input, importDeps()),
);

export const importStatus = implement(contracts.importStatus, (_actor, input) => status(input.importId));

export const importErrorsCsv = implement(contracts.importErrorsCsv, (_actor, input) =>
  importErrorReport(input.importId),
);

export const resumeImport = implement(contracts.resumeImport, (_actor, input) => resume(input.importId, importDeps()));
