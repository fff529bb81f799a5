import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { Field, describedBy } from '../forms/Field';
import { FormError } from '../forms/FormFeedback';
import { t } from '../i18n/t';
import { AuditTable } from './AuditTable';
import { csvFileName, startDownload } from './csvFile';
import { useAuditEvents, type AuditQuery } from './useAuditEvents';
import { VerifyChains } from './VerifyChains';
import './audit.css';

/** What readAuditTrail accepts as an entity (functions/src/domain/contracts/audit.ts AUDIT_ENTITY_PATTERN). */
const ENTITY = /^[A-Za-z]+\/[A-Za-z0-9_@~-]{1,160}$/;

type ExportState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; url: string; file: string }
  | { status: 'failed'; error: ShownError };

/** The audit trail (tamper-evident, docs/security.md) for auditors, admins and supervisors: read, export, verify. */
export function AuditPage() {
  const [entityText, setEntityText] = useState('');
  const [entityError, setEntityError] = useState<string | undefined>();
  const [query, setQuery] = useState<AuditQuery>({ entity: null, generation: 0 });
  const { events, error, loading } = useAuditEvents(query);
  const [exported, setExported] = useState<ExportState>({ status: 'idle' });
  const tableTop = useRef<HTMLHeadingElement>(null);

  // A file made for an earlier export is let go when another replaces it, or the page closes.
  const exportedUrl = exported.status === 'done' ? exported.url : null;
  useEffect(() => {
    if (!exportedUrl) return;
    return () => URL.revokeObjectURL(exportedUrl);
  }, [exportedUrl]);

  const show = (entity: string | null) => {
    setEntityError(undefined);
    setQuery((q) => ({ entity, generation: q.generation + 1 }));
  };

  const onShow = (event: FormEvent) => {
    event.preventDefault();
    const entity = entityText.trim();
    if (entity && !ENTITY.test(entity)) {
      setEntityError(t('audit.badEntity'));
      return;
    }
    show(entity || null);
  };

  /** From a link in the table or the verification: fill the box, show the chain, and go to it. */
  const showEntity = (entity: string) => {
    setEntityText(entity);
    show(entity);
    tableTop.current?.focus();
  };

  const onExport = async () => {
    setExported({ status: 'pending' });
    try {
      const out = await call('readAuditTrail', { ...(query.entity ? { entity: query.entity } : {}), format: 'csv' });
      const csv = out.csv ?? '';
      const file = csvFileName(query.entity, new Date());
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      setExported({ status: 'done', url, file });
      startDownload(url, file);
    } catch (e) {
      setExported({ status: 'failed', error: describeError(e) });
    }
  };

  // The server's word on the entity goes under the box; anything else above the table.
  const shownEntityError = entityError ?? error?.fields.entity;
  const title = query.entity ? t('audit.chainTitle', { entity: query.entity }) : t('audit.latestTitle');

  return (
    <section aria-labelledby="audit-title" className="audit-page">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>

      <form className="card entity-form" onSubmit={onShow} noValidate role="search" aria-label={t('audit.entity')}>
        <Field
          id="audit-entity"
          name="entity"
          label={t('audit.entity')}
          required={false}
          hint={t('audit.entityHint')}
          error={shownEntityError}
        >
          <input
            {...describedBy('audit-entity', shownEntityError, t('audit.entityHint'))}
            data-testid="audit-entity"
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={200}
            value={entityText}
            onChange={(e) => setEntityText(e.target.value)}
          />
        </Field>
        <div className="row-buttons">
          <button type="submit" data-testid="audit-show">
            {t('audit.show')}
          </button>
          {query.entity && (
            <button
              type="button"
              className="secondary"
              data-testid="audit-latest"
              onClick={() => {
                setEntityText('');
                show(null);
              }}
            >
              {t('audit.showLatest')}
            </button>
          )}
        </div>
      </form>

      <div className="toolbar">
        <div className="export">
          <button
            type="button"
            className="secondary"
            data-testid="audit-export"
            disabled={exported.status === 'pending' || loading}
            onClick={() => void onExport()}
          >
            {exported.status === 'pending' ? t('audit.exporting') : t('audit.export')}
            <span className="visually-hidden"> {t('audit.exportWhat')}</span>
          </button>
          {exported.status === 'done' && (
            <p role="status" className="hint" data-testid="audit-exported">
              {t('audit.exported', { file: exported.file })}{' '}
              <a href={exported.url} download={exported.file}>
                {t('audit.exportLink', { file: exported.file })}
              </a>
            </p>
          )}
          {exported.status === 'failed' && (
            <FormError error={exported.error} shownFields={[]} testId="audit-export-error" />
          )}
        </div>
        <VerifyChains onShowEntity={showEntity} />
      </div>

      <h2 id="audit-events-title" ref={tableTop} tabIndex={-1}>
        {title}
      </h2>
      {error && (
        <div className="form-error" role="alert" data-testid="audit-error">
          <p>{error.message}</p>
          <button type="button" className="secondary" onClick={() => show(query.entity)}>
            {t('audit.retry')}
          </button>
        </div>
      )}
      {loading ? (
        <p role="status" className="loading">
          {t('audit.loading')}
        </p>
      ) : (
        events &&
        (events.length === 0 ? (
          <p data-testid="audit-empty">
            {query.entity ? t('audit.noneFor', { entity: query.entity }) : t('audit.none')}
          </p>
        ) : (
          <>
            <p className="hint" role="status">
              {t('audit.count', { count: events.length })}
            </p>
            <AuditTable events={events} caption={title} entity={query.entity} onShowEntity={showEntity} />
          </>
        ))
      )}
    </section>
  );
}
