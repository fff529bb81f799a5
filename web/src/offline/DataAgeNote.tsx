import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { t } from '../i18n/t';
import { oldestShownCopy } from './deviceCopies';
import './offline.css';

const MINUTE = 60_000;

/** "Saved on this device 12 minutes ago", in the reader's language. */
export function dataAgeText(savedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - savedAt) / MINUTE);
  if (minutes < 1) return t('offline.savedJustNow');
  if (minutes < 60) return t('offline.savedMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('offline.savedHours', { count: hours });
  return t('offline.savedDays', { count: Math.floor(hours / 24) });
}

/** The clock, read again each minute: the age shown grows while the page stays open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE / 2);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The age of a stored copy, for a screen that shows one (`savedAt`: when it was read from the server; nothing is
 * rendered for null). A screen may place it where it likes; DeviceCopyNote places it for every screen.
 */
export function DataAgeBanner({ savedAt }: { savedAt: number | null }) {
  const now = useNow();
  if (savedAt === null) return null;
  return (
    <p className="data-age card" role="status" data-testid="data-age">
      {dataAgeText(savedAt, now)}
    </p>
  );
}

/**
 * Shown above any screen whose case list or case comes from the copy on this device rather than the server
 * (offline, or the last read failed): how old that copy is. Follows the query cache, so no screen needs to pass
 * anything.
 */
export function DeviceCopyNote() {
  const client = useQueryClient();
  const savedAt = useSyncExternalStore(
    (onChange) => client.getQueryCache().subscribe(onChange),
    () => oldestShownCopy(client),
  );
  return <DataAgeBanner savedAt={savedAt} />;
}
