import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { ListInboxOutput, MarkInboxReadInput } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { FIGURES_POLL_MS, opKey, useLiveCall } from '../data/queries';
import { markedLocally } from './markedLocally';

/** The newest entries the bell and the inbox page share; the page may ask for more, up to the server's 100. */
export const INBOX_PAGE = 30;
export const INBOX_MAX = 100;

export interface InboxState {
  inbox: ListInboxOutput | null;
  error: ShownError | null;
  limit: number;
  showMore(): void;
  /** Marks entries read and shows it at once, before the next refresh confirms it. */
  markRead(input: MarkInboxReadInput): Promise<void>;
}

const InboxContext = createContext<InboxState | null>(null);

/**
 * One query of the caller's inbox for the whole signed-in app, kept live (a Firestore listener on the full stack,
 * polling on the offline one).
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [limit, setLimit] = useState(INBOX_PAGE);
  const [markFailure, setMarkFailure] = useState<ShownError | null>(null);
  const { data, shown } = useLiveCall('listInbox', { limit }, { kind: 'inbox' }, FIGURES_POLL_MS, {
    // The shorter list stays on screen while "show more" loads the longer one.
    placeholderData: (previous) => previous,
  });

  const markRead = useCallback(
    async (input: MarkInboxReadInput) => {
      const key = opKey('listInbox', { limit });
      qc.setQueryData<ListInboxOutput>(key, (current) =>
        current ? markedLocally(current, input, new Date().toISOString()) : current,
      );
      try {
        await call('markInboxRead', input);
        setMarkFailure(null);
      } catch (e) {
        setMarkFailure(describeError(e));
      } finally {
        // Whatever happened, show what the server holds now.
        void qc.invalidateQueries({ queryKey: ['listInbox'] });
      }
    },
    [qc, limit],
  );

  const showMore = useCallback(() => setLimit((l) => Math.min(INBOX_MAX, l + INBOX_PAGE)), []);

  return (
    <InboxContext.Provider value={{ inbox: data ?? null, error: markFailure ?? shown, limit, showMore, markRead }}>
      {children}
    </InboxContext.Provider>
  );
}

export function useInbox(): InboxState {
  const state = useContext(InboxContext);
  if (!state) throw new Error('useInbox is used outside InboxProvider');
  return state;
}
