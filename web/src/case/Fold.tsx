import { useState, type ReactNode } from 'react';

/** Where the case page has room for two columns: its folds start open there, closed on a phone. */
export const WIDE_SCREEN = '(min-width: 900px)';

function wideScreen(): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(WIDE_SCREEN).matches
  );
}

interface FoldProps {
  /** The heading's id: the section inside names itself by it (aria-labelledby). */
  headingId: string;
  title: string;
  /** How many entries it holds, shown beside the title so a closed fold still says whether it is worth opening. */
  count?: number;
  testId: string;
  children: ReactNode;
}

/**
 * A part of the case page below the work (history, money, CPE, the customer): a disclosure whose heading is its
 * summary. Closed on a phone so the work comes first; open on a wide screen, where it sits in its own column.
 */
export function Fold({ headingId, title, count, testId, children }: FoldProps) {
  const [open, setOpen] = useState(wideScreen);
  return (
    <details className="fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={testId}>
      <summary data-testid={`${testId}-summary`}>
        <h2 id={headingId}>
          {title}
          {count !== undefined && <span className="fold-count"> ({count})</span>}
        </h2>
      </summary>
      <div className="fold-body">{children}</div>
    </details>
  );
}
