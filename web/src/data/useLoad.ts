import { useEffect, useRef } from 'react';
import { describeError, type ShownError } from './describeError';

/**
 * Runs `load` whenever `key` changes and hands on its answer, unless a newer load or leaving the page has
 * superseded it: a late answer (StrictMode mounts twice; a slow first call) must never overwrite what the user
 * has typed since, nor show a case that is no longer on screen.
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
  onLoaded: (value: T) => void,
  onFailed: (error: ShownError) => void,
): void {
  // The latest callbacks, so a re-render's new closures are used without loading again.
  const latest = useRef({ load, onLoaded, onFailed });
  latest.current = { load, onLoaded, onFailed };
  useEffect(() => {
    let current = true;
    latest.current.load().then(
      (value) => {
        if (current) latest.current.onLoaded(value);
      },
      (error: unknown) => {
        if (current) latest.current.onFailed(describeError(error));
      },
    );
    return () => {
      current = false;
    };
  }, [key]);
}
