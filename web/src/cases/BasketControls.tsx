import { useRef, type KeyboardEvent } from 'react';
import type {
  BasketCounter,
  BasketCountsOutput,
  BasketTab,
  ExportColumn,
} from '../../../functions/src/domain/contracts/types';
import { formatNumber } from '../format/money';
import { t } from '../i18n/t';
import { COLUMNS } from './columns';

export const COUNTERS: BasketCounter[] = [
  'promisesDue',
  'promisesKept',
  'promisesBroken',
  'followUpsDue',
  'escalated',
  'notFollowedUp',
];

/** The work queues as a WAI-ARIA tab list: arrow keys move between tabs, Enter or a click opens one. */
export function BasketTabs(props: {
  tabs: BasketTab[];
  current: BasketTab;
  counts: BasketCountsOutput['tabCounts'];
  onChange(tab: BasketTab): void;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (index + step + props.tabs.length) % props.tabs.length;
    refs.current[next]?.focus();
    props.onChange(props.tabs[next]!);
  };
  return (
    <div className="basket-tabs" role="tablist" aria-label={t('basket.tabs')}>
      {props.tabs.map((tab, i) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-controls="basket-panel"
          aria-selected={tab === props.current}
          tabIndex={tab === props.current ? 0 : -1}
          data-testid={`tab-${tab}`}
          onClick={() => props.onChange(tab)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t(`basket.tab.${tab}`)}
          {props.counts[tab] !== undefined && <span className="badge">{formatNumber(props.counts[tab])}</span>}
        </button>
      ))}
    </div>
  );
}

/** Counters per status: each a toggle that filters the list to its cases. */
export function BasketCounters(props: {
  counters: BasketCountsOutput['counters'] | null;
  current: BasketCounter | undefined;
  onChange(counter: BasketCounter | undefined): void;
}) {
  return (
    <ul className="counters" aria-label={t('basket.counters')}>
      {COUNTERS.map((c) => (
        <li key={c}>
          <button
            type="button"
            className={`counter counter-${c}`}
            aria-pressed={props.current === c}
            data-testid={`counter-${c}`}
            onClick={() => props.onChange(props.current === c ? undefined : c)}
          >
            <span className="counter-figure" data-testid={`counter-${c}-count`}>
              {props.counters ? formatNumber(props.counters[c]) : '…'}
            </span>
            <span className="counter-label">{t(`basket.counter.${c}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ColumnChooser(props: { columns: ExportColumn[]; onChange(columns: ExportColumn[]): void }) {
  const toggle = (key: ExportColumn, on: boolean) => {
    const next = COLUMNS.map((c) => c.key).filter((k) => (k === key ? on : props.columns.includes(k)));
    if (next.length) props.onChange(next);
  };
  return (
    <details className="column-chooser" data-testid="column-chooser">
      <summary>{t('basket.columns')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('basket.columns')}</legend>
        {COLUMNS.map((c) => (
          <label key={c.key} className="check">
            <input
              type="checkbox"
              data-testid={`column-${c.key}`}
              checked={props.columns.includes(c.key)}
              disabled={props.columns.length === 1 && props.columns.includes(c.key)}
              onChange={(e) => toggle(c.key, e.target.checked)}
            />{' '}
            {t(c.label)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
