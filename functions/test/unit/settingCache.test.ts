import { settingCache } from '../../src/services/notifications/settingCache';

describe('a setting cache', () => {
  it('reads once per TTL, again after it or after forget()', async () => {
    let reads = 0;
    const cache = settingCache(async () => ++reads, 30_000);
    expect(await cache.get(1_000)).toBe(1);
    expect(await cache.get(30_999)).toBe(1);
    expect(await cache.get(31_000)).toBe(2);
    cache.forget();
    expect(await cache.get(31_001)).toBe(3);
    expect(reads).toBe(3);
  });
});
