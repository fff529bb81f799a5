import type { CaseDetail, TimelineEntry } from '../../../functions/src/domain/contracts/types';
import type { CaseTask } from '../../../functions/src/domain/model/case';
import { roleLabel } from '../app/roles';
import { labelText } from '../i18n/labels';
import { formatInstant } from '../format/time';
import { t } from '../i18n/t';
import { timelineText } from './timelineText';

interface TimelineProps {
  entries: TimelineEntry[];
  /** The case type's labels: each line is written in the reader's language from them. */
  labels: CaseDetail['labels'];
  /** The case's to-dos, so a line about one done names it. */
  tasks: CaseTask[];
}

/** What happened to the case, newest first: under the fold headed `timeline-title` (CasePage.tsx). */
export function Timeline({ entries, labels, tasks }: TimelineProps) {
  const status = (code: string) => {
    const s = labels.statuses[code];
    return s ? labelText(s) : code;
  };
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
              <p data-testid="timeline-line">{timelineText(e, labels, tasks)}</p>
              {e.transitions.length > 0 && (
                <ul className="transitions">
                  {e.transitions.map((tr, i) => (
                    <li key={i}>
                      {status(tr.from)} → {status(tr.to)}
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
