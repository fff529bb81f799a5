import type { ReactNode } from 'react';

/** A table's container: scrolls sideways on narrow screens, and can be focused to scroll by keyboard. */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
