import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stackPorts, type StackPorts } from './ports';

export interface Target {
  projectId: string;
  /** Where the project id came from, said to the user before anything is written. */
  from: string;
  /** Set for demo projects: the local stack's emulators (a `demo-` project exists nowhere else). */
  emulators: { firestore: string; auth: string } | null;
}

/**
 * The project an admin command works on: `--project <id>`, else GOOGLE_CLOUD_PROJECT / GCLOUD_PROJECT, else the
 * default of .firebaserc (what `firebase use` chose). Real projects are reached with Application Default
 * Credentials; `demo-*` projects are the local stack's.
 */
export function resolveTarget(
  argv: string[],
  env: NodeJS.ProcessEnv,
  firebaserc: { projects?: Record<string, string> } | null,
  ports: Pick<StackPorts, 'firestore' | 'auth'>,
): Target {
  const flag = argv.indexOf('--project');
  let projectId: string;
  let from: string;
  if (flag >= 0) {
    projectId = argv[flag + 1] ?? '';
    if (!projectId || projectId.startsWith('-')) throw new Error('--project needs a project id');
    from = '--project';
  } else if (env.GOOGLE_CLOUD_PROJECT || env.GCLOUD_PROJECT) {
    projectId = (env.GOOGLE_CLOUD_PROJECT || env.GCLOUD_PROJECT) ?? '';
    from = env.GOOGLE_CLOUD_PROJECT ? 'GOOGLE_CLOUD_PROJECT' : 'GCLOUD_PROJECT';
  } else if (firebaserc?.projects?.default) {
    projectId = firebaserc.projects.default;
    from = '.firebaserc (npx firebase use)';
  } else {
    throw new Error('No project: pass --project <id>, set GOOGLE_CLOUD_PROJECT, or run npx firebase use <id>.');
  }
  const emulators = projectId.startsWith('demo-')
    ? {
        firestore: env.FIRESTORE_EMULATOR_HOST || `127.0.0.1:${ports.firestore}`,
        auth: env.FIREBASE_AUTH_EMULATOR_HOST || `127.0.0.1:${ports.auth}`,
      }
    : null;
  return { projectId, from, emulators };
}

export function readFirebaserc(): { projects?: Record<string, string> } | null {
  try {
    return JSON.parse(readFileSync(join(ROOT, '.firebaserc'), 'utf8')) as { projects?: Record<string, string> };
  } catch {
    return null;
  }
}

/** Points the Admin SDK at the target; must run before anything imports firebase-admin's default app. */
export function useTarget(target: Target): void {
  process.env.GCLOUD_PROJECT = target.projectId;
  process.env.GOOGLE_CLOUD_PROJECT = target.projectId;
  if (target.emulators) {
    process.env.FIRESTORE_EMULATOR_HOST = target.emulators.firestore;
    process.env.FIREBASE_AUTH_EMULATOR_HOST = target.emulators.auth;
  } else {
    // A real project: an emulator address left in the shell must not divert the writes.
    delete process.env.FIRESTORE_EMULATOR_HOST;
    delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  }
}

export const defaultPorts = (): Pick<StackPorts, 'firestore' | 'auth'> => stackPorts();
