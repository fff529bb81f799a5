import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ListInboxOutput, MarkInboxReadInput } from '../../../functions/src/domain/contracts/types';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, type ShownError } from '../data/describeError';
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
 * One subscription to the caller's inbox for the whole signed-in app: live through the data
 * source (a Firestore listener on the full stack, polling on the offline one).
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const ds = useDataSource();
  const [inbox, setInbox] = useState<ListInboxOutput | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [limit, setLimit] = useState(INBOX_PAGE);
  const [generation, setGeneration] = useState(0);

  useEffect(
    () =>
      ds.watchInbox(
        { limit },
        (value) => {
          setInbox(value);
          setError(null);
        },
        (e) => setError(describeError(e)),
      ),
    [ds, limit, generation],
  );

  const markRead = useCallback(
    async (input: MarkInboxReadInput) => {
      setInbox((current) => (current ? markedLocally(current, input, new Date().toISOString()) : current));
      try {
        await ds.markInboxRead(input);
        setError(null);
      } catch (e) {
        setError(describeError(e));
      } finally {
        // Whatever happened, show what the server holds now.
        setGeneration((g) => g + 1);
      }
    },
    [ds],
  );

  const showMore = useCallback(() => setLimit((l) => Math.min(INBOX_MAX, l + INBOX_PAGE)), []);

  return <InboxContext.Provider value={{ inbox, error, limit, showMore, markRead }}>{children}</InboxContext.Provider>;
}

export function useInbox(): InboxState {
  const state = useContext(InboxContext);
  if (!state) throw new Error('useInbox is used outside InboxProvider');
  return state;
}
