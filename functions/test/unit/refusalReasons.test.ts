import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REFUSAL_REASONS } from '../../src/domain/refusalReasons';

/**
 * The web client words every refusal by its reason code, so the list of codes must be whole: every code the source
 * passes to a refusal helper (`refusal('…'`, `refuse('…'`, `reject('…'`, `refused('…'`) or puts in a Refusal's
 * `details.reason` is in REFUSAL_REASONS (and the web test holds each one's Sinhala and Tamil).
 */
const SRC = join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function emittedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\b(?:refusal|refuse|reject|refused)\(\s*'([a-z0-9-]+)'/g, /\{\s*reason: '([a-z0-9-]+)',/g];
  for (const path of sources(SRC)) {
    if (path.includes(`${join('lifecycle', 'configs')}`)) continue;
    const text = readFileSync(path, 'utf8');
    // Only Refusal details carry a reason code; other `reason:` fields are sentences or other vocabularies.
    const withReason = text.includes('new Refusal(');
    for (const [i, pattern] of patterns.entries()) {
      if (i === 1 && !withReason) continue;
      for (const m of text.matchAll(pattern)) found.set(m[1]!, relative(SRC, path));
    }
  }
  return found;
}

describe('refusal reason codes', () => {
  it('lists every code the server emits', () => {
    const listed = new Set<string>(REFUSAL_REASONS);
    const unlisted = [...emittedCodes()].filter(([code]) => !listed.has(code)).map(([code, at]) => `${code} (${at})`);
    expect(unlisted).toEqual([]);
  });

  it('lists no code twice, and finds the well-known ones (the scan works)', () => {
    expect(new Set(REFUSAL_REASONS).size).toBe(REFUSAL_REASONS.length);
    const emitted = emittedCodes();
    for (const code of ['case-closed', 'extension-too-long', 'conflict', 'closed', 'lease-held']) {
      expect(emitted.has(code)).toBe(true);
    }
  });
});
