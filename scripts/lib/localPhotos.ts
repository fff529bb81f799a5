import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ID, ROOT, type StackPorts } from './ports';

/**
 * CPE photos on the local stacks: kept on disk under .debtx/cpe-photos, uploaded and served by the `cpePhotos`
 * function of the Functions emulator under tokens signed with a key made for this run (functions/src/data/
 * photoStore.ts). Set before the emulators start, which inherit this environment, as the relay does.
 */
export function setUpLocalPhotos(ports: StackPorts, log: (line: string) => void): void {
  const dir = join(ROOT, '.debtx', 'cpe-photos');
  mkdirSync(dir, { recursive: true });
  process.env.CPE_PHOTO_DIR = dir;
  process.env.CPE_PHOTO_URL = `http://127.0.0.1:${ports.functions}/${PROJECT_ID}/asia-south1/cpePhotos`;
  process.env.CPE_PHOTO_SECRET = randomBytes(32).toString('hex');
  log(`CPE photos: kept in ${dir}`);
}
