import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ImportView } from '../../../functions/src/domain/contracts/types';
import { describeError, type ShownError } from '../data/describeError';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/call';
import { download } from '../format/download';
import { opKey } from '../data/queries';
import { formatNumber } from '../format/money';
import { formatInstant } from '../format/time';
import { t } from '../i18n/t';
import { SourceProblems } from './SourceProblems';
import './imports.css';

const MAX_BYTES = 10 * 1024 * 1024;
const POLL_MS = 1_000;
/** No rows done for this long while RUNNING: the import may have stopped, so Resume is offered. */
const STALLED_MS = 15_000;
const LAST_IMPORT = 'debtx.lastImport';

/** The import id is the SHA-256 of the file (functions/src/services/bulkImport.ts importIdOf): known before the upload answers. */
async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Bulk registration for officers (services/bulkImport.ts does the work): choose a CSV or .xlsx file, upload it, watch
 * rows done of total while it registers, download the error report, resume an import that stopped.
 */
export function ImportsPage() {
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [uploading, setUploading] = useState(false);
  const [job, setJob] = useState<ImportView | null>(null);
  const [importId, setImportId] = useState<string | null>(() => localStorage.getItem(LAST_IMPORT));
  const [stalled, setStalled] = useState(false);
  /** Bumped to follow the import again (after an upload or resume answered while it still runs). */
  const [round, setRound] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const progressAt = useRef({ done: -1, at: Date.now() });

  // Follows the import while it is not finished (and once, to show the last import after a reload). Until the
  // upload has read the file the import is not there yet: a failure only means "keep asking".
  const status = useQuery({
    queryKey: [...opKey('importStatus', { importId: importId ?? '' }), round],
    queryFn: () => call('importStatus', { importId: importId ?? '' }),
    enabled: importId !== null,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'DONE' || state === 'FAILED' ? false : POLL_MS;
    },
  });
  const view = status.data;
  useEffect(() => {
    if (!view) return;
    setJob((before) => ({ ...view, existing: before?.importId === view.importId ? before.existing : undefined }));
    if (view.done !== progressAt.current.done) progressAt.current = { done: view.done, at: Date.now() };
    setStalled(view.state === 'RUNNING' && Date.now() - progressAt.current.at > STALLED_MS);
    // Each answer counts (the stall is measured between answers), even one equal to the last.
  }, [view, status.dataUpdatedAt]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNote(null);
    if (!file) return setFieldError(t('imports.noFile'));
    if (file.size > MAX_BYTES) return setFieldError(t('imports.tooLarge'));
    setFieldError(null);
    setUploading(true);
    try {
      const bytes = await file.arrayBuffer();
      const id = await sha256Hex(bytes);
      progressAt.current = { done: -1, at: Date.now() };
      setJob(null);
      setImportId(id);
      localStorage.setItem(LAST_IMPORT, id);
      const out = await call('uploadImport', { fileName: file.name, contentBase64: toBase64(bytes) });
      setJob(out);
      setRound((r) => r + 1);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setUploading(false);
    }
  };

  const resume = async () => {
    if (!job) return;
    setError(null);
    setStalled(false);
    progressAt.current = { done: job.done, at: Date.now() };
    try {
      setJob(await call('resumeImport', { importId: job.importId }));
      setRound((r) => r + 1);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const errorsCsv = async () => {
    if (!job) return;
    try {
      const out = await call('importErrorsCsv', { importId: job.importId });
      download(out.fileName, out.csv, 'utf8', 'text/csv;charset=utf-8');
      setNote(t('imports.errorsSaved', { file: out.fileName }));
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <section aria-labelledby="imports-title" className="narrow">
      <h1 id="imports-title">{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="import-file">{t('imports.file')}</label>
          <input
            id="import-file"
            data-testid="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'import-file-error' : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fieldError && (
            <p className="field-error" id="import-file-error" data-testid="import-file-error">
              {fieldError}
            </p>
          )}
        </div>
        <button type="submit" data-testid="import-upload" disabled={uploading}>
          {uploading ? t('imports.uploading') : t('imports.upload')}
        </button>
      </form>

      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error.message}
        </p>
      )}

      {job && (
        <div className="card import-job" data-testid="import-job" aria-live="polite">
          <h2>{job.fileName}</h2>
          <p className="muted">{formatInstant(job.createdAt)}</p>
          {job.existing && <p className="notice">{t('imports.existing')}</p>}
          <p data-testid="import-state">
            <strong>{t(`imports.state.${job.state}`)}</strong>
            {job.error && <span className="form-error"> {job.error}</span>}
          </p>
          <label htmlFor="import-progress">{t('imports.progressLabel')}</label>
          <progress id="import-progress" max={Math.max(job.total, 1)} value={job.done} />
          <p data-testid="import-progress-text">
            {t('imports.progress', { done: formatNumber(job.done), total: formatNumber(job.total) })}
          </p>
          <dl className="import-figures">
            <div>
              <dt>{t('imports.registered')}</dt>
              <dd data-testid="import-registered">{formatNumber(job.registered)}</dd>
            </div>
            <div>
              <dt>{t('imports.rejected')}</dt>
              <dd data-testid="import-rejected">{formatNumber(job.rejected)}</dd>
            </div>
            <div>
              <dt>{t('imports.invalid')}</dt>
              <dd>{formatNumber(job.invalid)}</dd>
            </div>
            <div>
              <dt>{t('imports.duplicates')}</dt>
              <dd>{formatNumber(job.duplicates)}</dd>
            </div>
          </dl>
          {stalled && <p className="notice">{t('imports.stalled')}</p>}
          <div className="row-buttons">
            {job.state === 'RUNNING' && (
              <button type="button" className="secondary" data-testid="import-resume" onClick={() => void resume()}>
                {t('imports.resume')}
              </button>
            )}
            {(job.rejected > 0 || job.errors > 0) && (
              <button type="button" className="secondary" data-testid="import-errors" onClick={() => void errorsCsv()}>
                {t('imports.errors')}
              </button>
            )}
          </div>
          {note && (
            <p className="form-ok" data-testid="import-note">
              {note}
            </p>
          )}
        </div>
      )}
      <SourceProblems />
    </section>
  );
}
