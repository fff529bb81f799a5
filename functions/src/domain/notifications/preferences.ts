import type { Instant } from '../model/time';
import type { EventKind } from './events';
import { CHANNELS, type Channel } from './routing';
import type { Language } from './templates';

/** A span of local clock time, `HH:MM`; may wrap midnight (21:00–08:00). */
export interface QuietHours {
  start: string;
  end: string;
}

/** A user's notification preferences (`notificationPrefs/{uid}`). Missing entries mean "the routing default". */
export interface Preferences {
  /** Per event kind and channel: true adds the channel, false removes it. */
  channels: Partial<Record<EventKind, Partial<Record<Channel, boolean>>>>;
  quietHours: QuietHours | null;
  timeZone: string;
  language: Language;
  /** Where SMS goes (user profiles carry no phone number). */
  phone: string | null;
  /** A morning email summing up the day's notifications. */
  digest: boolean;
}

export const DEFAULT_TIME_ZONE = 'Asia/Colombo';

export const DEFAULT_PREFERENCES: Preferences = {
  channels: {},
  quietHours: { start: '21:00', end: '07:00' },
  timeZone: DEFAULT_TIME_ZONE,
  language: 'en',
  phone: null,
  digest: true,
};

/** The channels a user receives an event on: the routing default, adjusted by their preferences. */
export function channelsFor(prefs: Preferences, kind: EventKind, defaults: readonly Channel[]): Channel[] {
  const own = prefs.channels[kind] ?? {};
  return CHANNELS.filter((c) => own[c] ?? defaults.includes(c));
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes past local midnight at `instant` in `timeZone` (IANA). */
export function localMinutes(instant: Instant, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/** The local calendar date at `instant` in `timeZone` (YYYY-MM-DD). */
export function localDate(instant: Instant, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/**
 * When a message that would fall in quiet hours may go instead: null when `now` is outside them,
 * else the end of the quiet span. (Whole minutes; time zones without daylight saving, like Colombo's, are exact.)
 */
export function quietUntil(now: Instant, quiet: QuietHours | null, timeZone: string): Instant | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const at = localMinutes(now, timeZone);
  const inside = start < end ? at >= start && at < end : at >= start || at < end;
  if (!inside) return null;
  const wait = (end - at + 1440) % 1440;
  const base = new Date(now);
  base.setUTCSeconds(0, 0);
  return new Date(base.getTime() + wait * 60_000).toISOString();
}
