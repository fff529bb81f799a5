import type { TimelineEntry } from '../../../functions/src/domain/contracts/types';
import { roleLabel } from '../app/roles';
import { formatInstant } from '../format/time';
import { t } from '../i18n/t';

/** What happened to the case, newest first: under the fold headed `timeline-title` (CasePage.tsx). */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <section aria-labelledby="timeline-title" className="timeline-section" data-testid="timeline">
      {newestFirst.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((e) => (
            <li key={e.id} data-testid="timeline-entry">
              <p className="timeline-meta">
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
                {' · '}
                {t('timeline.by', { name: e.actor.displayName ?? e.actor.uid, role: roleLabel(e.actor.role) })}
              </p>
              <p>{e.summary}</p>
              {e.transitions.length > 0 && (
                <ul className="transitions">
                  {e.transitions.map((tr, i) => (
                    <li key={i}>
                      {tr.from} → {tr.to}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
