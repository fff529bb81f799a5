import type { ActorRole } from '../../../functions/src/domain/model/roles';
import { TableScroll } from '../caseTypes/TableScroll';
import type { AuditEventView } from '../../../functions/src/domain/contracts/types';
import { formatInstant } from '../format/time';
import { humanize, t, tOr } from '../i18n/t';

interface AuditTableProps {
  events: AuditEventView[];
  caption: string;
  /** The entity whose chain is shown, if one is. */
  entity: string | null;
  onShowEntity(entity: string): void;
}

/** A role as people read it; an unknown one (written by an older or newer version) is still shown. */
function roleName(role: ActorRole): string {
  return tOr(`role.${role}`, humanize(role));
}

function isEmpty(value: Record<string, unknown> | null | undefined): boolean {
  return !value || Object.keys(value).length === 0;
}

/** JSON as text in a <pre>: React escapes it, so whatever an event holds is shown, never run. */
function Json({ value }: { value: unknown }) {
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** Audit events, one per row, with what each changed behind a disclosure. */
export function AuditTable({ events, caption, entity, onShowEntity }: AuditTableProps) {
  return (
    <TableScroll labelledBy="audit-caption">
      <table className="small-table stack-table audit-table" data-testid="audit-table">
        <caption id="audit-caption" className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.entity')}</th>
            <th scope="col">{t('audit.col.summary')}</th>
            <th scope="col">{t('audit.col.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td data-label={t('audit.col.at')} className="nowrap">
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
              </td>
              <td data-label={t('audit.col.actor')}>
                {t('audit.actor', { name: e.actor.displayName ?? e.actor.uid, role: roleName(e.actor.role) })}
              </td>
              <td data-label={t('audit.col.action')}>
                <code className="break-long">{e.action}</code>
              </td>
              <td data-label={t('audit.col.entity')}>
                {e.entity === entity ? (
                  <code className="break-long">{e.entity}</code>
                ) : (
                  <button type="button" className="link-button break-long" onClick={() => onShowEntity(e.entity)}>
                    <span className="visually-hidden">{t('audit.showChainOf')} </span>
                    {e.entity}
                  </button>
                )}{' '}
                <span className="muted nowrap">{t('audit.eventNo', { seq: e.seq })}</span>
              </td>
              <td data-label={t('audit.col.summary')} className="wide">
                {e.summary}
              </td>
              <td data-label={t('audit.col.changes')}>
                <EventChanges event={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function EventChanges({ event: e }: { event: AuditEventView }) {
  return (
    <details className="audit-changes">
      <summary>
        {t('audit.changes')}
        <span className="visually-hidden"> {t('audit.changesOf', { seq: e.seq, entity: e.entity })}</span>
      </summary>
      <dl>
        <dt>{t('audit.before')}</dt>
        <dd>{isEmpty(e.before) ? t('audit.nothing') : <Json value={e.before} />}</dd>
        <dt>{t('audit.after')}</dt>
        <dd>{isEmpty(e.after) ? t('audit.nothing') : <Json value={e.after} />}</dd>
        {(e.transitions ?? []).length > 0 && (
          <>
            <dt>{t('audit.transitions')}</dt>
            <dd>
              <ul className="transitions">
                {(e.transitions ?? []).map((tr, i) => (
                  <li key={i}>
                    {tr.from} → {tr.to} ({tr.mode})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {!isEmpty(e.details) && (
          <>
            <dt>{t('audit.details')}</dt>
            <dd>
              <Json value={e.details} />
            </dd>
          </>
        )}
        {e.requestId && (
          <>
            <dt>{t('audit.requestId')}</dt>
            <dd>
              <code className="hash">{e.requestId}</code>
            </dd>
          </>
        )}
        <dt>{t('audit.hash')}</dt>
        <dd>
          <code className="hash">{e.hash}</code>
        </dd>
      </dl>
    </details>
  );
}
