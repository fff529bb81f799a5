import type { CaseTypeView } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { t } from '../i18n/t';
import { LatestBadge, levelLabel, listOrNone } from './labels';
import { MermaidDiagram } from './MermaidDiagram';
import { TableScroll } from './TableScroll';

interface CaseTypeDetailProps {
  view: CaseTypeView;
  /** The newest version of the same case type, when this is not it. */
  newestVersion: number;
}

/** One case type version: what it is, its diagram, and its statuses, transitions, actions and readings. */
export function CaseTypeDetail({ view, newestVersion }: CaseTypeDetailProps) {
  return (
    <>
      <h1 id="case-type-title">{view.name}</h1>
      <p>{view.description}</p>
      <dl className="kv-grid">
        <div className="kv">
          <dt>{t('caseTypes.col.id')}</dt>
          <dd>
            <code>{view.id}</code>
          </dd>
        </div>
        <div className="kv">
          <dt>{t('caseTypes.col.version')}</dt>
          <dd>
            {t('caseTypes.versionLabel', { version: view.version })} {view.latest && <LatestBadge />}
          </dd>
        </div>
        <div className="kv">
          <dt>{t('caseTypes.col.category')}</dt>
          <dd>{view.category}</dd>
        </div>
        <div className="kv">
          <dt>{t('caseTypes.col.level')}</dt>
          <dd>{levelLabel(view.level)}</dd>
        </div>
      </dl>
      {!view.latest && newestVersion > view.version && (
        <p className="notice">
          {t('caseTypes.newer')}{' '}
          <a href={hrefFor({ page: 'caseType', caseTypeId: view.id, version: newestVersion })}>
            {t('caseTypes.openVersion', { version: newestVersion })}
          </a>
        </p>
      )}

      <h2>{t('caseType.diagram')}</h2>
      <MermaidDiagram
        source={view.mermaid}
        label={t('caseType.diagramLabel', { name: view.name, version: view.version })}
      />

      <h2 id="case-type-statuses">{t('caseType.statuses')}</h2>
      <StatusesTable statuses={view.statuses} />

      <h2 id="case-type-transitions">{t('caseType.transitions')}</h2>
      <TransitionsTable transitions={view.transitions} />

      <h2 id="case-type-actions">{t('caseType.actions')}</h2>
      <ActionsTable actions={view.actions} />

      <h2>{t('caseType.readings')}</h2>
      {view.readings.length > 0 ? (
        <ol className="readings" data-testid="case-type-readings">
          {view.readings.map((reading, i) => (
            <li key={i}>{reading}</li>
          ))}
        </ol>
      ) : (
        <p>{t('caseType.noReadings')}</p>
      )}
    </>
  );
}

function StatusesTable({ statuses }: { statuses: CaseTypeView['statuses'] }) {
  return (
    <TableScroll labelledBy="case-type-statuses">
      <table className="small-table detail-table" data-testid="case-type-statuses">
        <thead>
          <tr>
            <th scope="col">{t('caseType.st.code')}</th>
            <th scope="col">{t('caseType.st.label')}</th>
            <th scope="col">{t('caseType.st.kind')}</th>
            <th scope="col">{t('caseType.st.description')}</th>
            <th scope="col">{t('caseType.st.actors')}</th>
            <th scope="col">{t('caseType.st.hooks')}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => (
            <tr key={s.code}>
              <th scope="row">
                <code>{s.code}</code>
              </th>
              <td>{s.label}</td>
              <td>{s.kind}</td>
              <td className="wide">{s.description}</td>
              <td>{listOrNone(s.actors)}</td>
              <td className="wide">
                {s.hooks.length === 0 ? (
                  t('caseType.none')
                ) : (
                  <ul className="hooks">
                    {s.hooks.map((h, i) => (
                      <li key={i}>
                        <dl>
                          <dt>{t('caseType.hook.spot')}</dt>
                          <dd>{h.spot}</dd>
                          <dt>{t('caseType.hook.algorithm')}</dt>
                          <dd>
                            <code>{h.algorithm}</code>
                          </dd>
                          <dt>{t('caseType.hook.params')}</dt>
                          <dd>
                            <code className="json">{JSON.stringify(h.params)}</code>
                          </dd>
                          {h.note && (
                            <>
                              <dt>{t('caseType.hook.note')}</dt>
                              <dd>{h.note}</dd>
                            </>
                          )}
                        </dl>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function TransitionsTable({ transitions }: { transitions: CaseTypeView['transitions'] }) {
  return (
    <TableScroll labelledBy="case-type-transitions">
      <table className="small-table detail-table" data-testid="case-type-transitions">
        <thead>
          <tr>
            <th scope="col">{t('caseType.tr.from')}</th>
            <th scope="col">{t('caseType.tr.to')}</th>
            <th scope="col">{t('caseType.tr.mode')}</th>
            <th scope="col">{t('caseType.tr.roles')}</th>
            <th scope="col">{t('caseType.tr.guard')}</th>
          </tr>
        </thead>
        <tbody>
          {transitions.map((tr, i) => (
            <tr key={i}>
              <td>{tr.from === '*' ? t('caseType.tr.anyOpen') : <code>{tr.from}</code>}</td>
              <td>
                <code>{tr.to}</code>
              </td>
              <td>{tr.mode}</td>
              <td>{listOrNone(tr.roles)}</td>
              <td>{tr.guard ? <code>{tr.guard}</code> : t('caseType.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ActionsTable({ actions }: { actions: CaseTypeView['actions'] }) {
  return (
    <TableScroll labelledBy="case-type-actions">
      <table className="small-table detail-table" data-testid="case-type-actions">
        <thead>
          <tr>
            <th scope="col">{t('caseType.ac.code')}</th>
            <th scope="col">{t('caseType.ac.label')}</th>
            <th scope="col">{t('caseType.ac.roles')}</th>
            <th scope="col">{t('caseType.ac.statuses')}</th>
            <th scope="col">{t('caseType.ac.results')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.code}>
              <th scope="row">
                <code>{a.code}</code>
              </th>
              <td>{a.label}</td>
              <td>{listOrNone(a.roles)}</td>
              <td>{listOrNone(a.statuses)}</td>
              <td className="wide">
                {a.results.length === 0 ? (
                  t('caseType.none')
                ) : (
                  <ul className="results">
                    {a.results.map((r) => (
                      <li key={r.code}>
                        <code>{r.code}</code> {r.label} → {r.next ? <code>{r.next}</code> : t('caseType.ac.stays')}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
