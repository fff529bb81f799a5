/**
 * A setting read often and changed rarely (the notification routing, the message texts): read at most once per
 * instance per TTL. A save calls forget() on its own instance; other instances see it within the TTL.
 */
export function settingCache<T>(read: () => Promise<T>, ttlMs = 30_000) {
  let cached: { at: number; value: T } | null = null;
  return {
    async get(now = Date.now()): Promise<T> {
      if (cached && now - cached.at < ttlMs) return cached.value;
      const value = await read();
      cached = { at: now, value };
      return value;
    },
    forget(): void {
      cached = null;
    },
  };
}
