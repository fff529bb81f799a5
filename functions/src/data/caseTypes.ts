import { SHIPPED_CASE_TYPES } from '../domain/lifecycle/configs';
import type { CaseTypeConfig } from '../domain/lifecycle/types';
import { validateCaseTypeConfig } from '../domain/lifecycle/validateConfig';
import { COL, firestore } from './db';
import { createDoc, readDoc, readQuery } from './ops';

/**
 * Case-type configurations live in Firestore (`caseTypes/{id}@{version}`), seeded from the repository and
 * validated whenever they are loaded or saved. A version never changes once saved, so loaded versions are
 * cached for the life of the process; a running case keeps the version it started with.
 */
export const DEFAULT_CASE_TYPE = 'debtx_telco';

export const caseTypeDocId = (id: string, version: number) => `${id}@${version}`;

const cache = new Map<string, CaseTypeConfig>();

export class InvalidStoredConfig extends Error {}

function checked(raw: unknown, where: string): CaseTypeConfig {
  const { savedAt: _savedAt, savedBy: _savedBy, ...config } = (raw ?? {}) as Record<string, unknown>;
  // Versions stored before labels had translations stay usable: they show English (a save requires them).
  const verdict = validateCaseTypeConfig(config, { requireTranslations: false });
  if (!verdict.ok) throw new InvalidStoredConfig(`${where} is invalid: ${verdict.problems.join('; ')}`);
  return verdict.config;
}

function shipped(id: string, version: number): CaseTypeConfig | undefined {
  return SHIPPED_CASE_TYPES.find((c) => c.id === id && c.version === version);
}

/** One version of a case type: from Firestore, or the repository's seed of it before seeding has run. */
export async function loadCaseType(id: string, version: number): Promise<CaseTypeConfig | undefined> {
  const key = caseTypeDocId(id, version);
  const hit = cache.get(key);
  if (hit) return hit;
  const snap = await readDoc(firestore().collection(COL.caseTypes).doc(key));
  const config = snap.exists ? checked(snap.data(), `caseTypes/${key}`) : shipped(id, version);
  if (config) cache.set(key, config);
  return config;
}

const latestCache = new Map<string, { config: CaseTypeConfig | undefined; at: number }>();
/** A saved new version reaches every instance within this long (it only affects cases created after it). */
export const LATEST_TTL_MS = 60_000;

/** The newest version of a case type: what new cases start on. */
export async function latestCaseType(id: string, nowMs = Date.now()): Promise<CaseTypeConfig | undefined> {
  const hit = latestCache.get(id);
  if (hit && nowMs - hit.at < LATEST_TTL_MS) return hit.config;
  const config = await readLatest(id);
  latestCache.set(id, { config, at: nowMs });
  return config;
}

async function readLatest(id: string): Promise<CaseTypeConfig | undefined> {
  const snap = await readQuery(
    firestore().collection(COL.caseTypes).where('id', '==', id).orderBy('version', 'desc').limit(1),
  );
  const doc = snap.docs[0];
  if (doc) {
    const config = checked(doc.data(), `caseTypes/${doc.id}`);
    cache.set(doc.id, config);
    return config;
  }
  return SHIPPED_CASE_TYPES.filter((c) => c.id === id).sort((a, b) => b.version - a.version)[0];
}

/** Every stored version, newest first per type (for the admin screens). */
export async function listCaseTypes(): Promise<CaseTypeConfig[]> {
  const snap = await readQuery(firestore().collection(COL.caseTypes));
  const stored = snap.docs.map((d) => checked(d.data(), `caseTypes/${d.id}`));
  const storedKeys = new Set(stored.map((c) => caseTypeDocId(c.id, c.version)));
  const all = [...stored, ...SHIPPED_CASE_TYPES.filter((c) => !storedKeys.has(caseTypeDocId(c.id, c.version)))];
  return all.sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
}

/** Writes the repository's configurations that Firestore does not have yet (never overwrites a version). */
export async function seedShippedCaseTypes(): Promise<number> {
  let created = 0;
  for (const config of SHIPPED_CASE_TYPES) {
    try {
      await createDoc(firestore().collection(COL.caseTypes).doc(caseTypeDocId(config.id, config.version)), {
        ...config,
        savedAt: new Date().toISOString(),
        savedBy: 'seed',
      });
      created += 1;
    } catch {
      // Already there: versions are immutable, so there is nothing to do.
    }
  }
  return created;
}

/** For tests: forget cached versions. */
export function clearCaseTypeCache(): void {
  cache.clear();
  latestCache.clear();
}
