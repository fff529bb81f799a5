/**
 * The web client's configuration, resolved once before anything uses Firebase: on Firebase Hosting this reads
 * the project's `/__/firebase/init.json` (top-level await, so every importer waits for it). How the source is
 * chosen: webConfig.ts and docs/decisions/0022.
 */
import { loadWebConfig, type Env, type WebConfig } from './webConfig';

export type { Stack, WebConfig } from './webConfig';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export const config: WebConfig = await loadWebConfig(import.meta.env as Env, import.meta.env.DEV, fetchJson);
