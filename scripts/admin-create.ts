/**
 * `npm run admin:create -- <email> [--name "Full Name"] [--project <id>]`: the first administrator of a project,
 * who then invites everyone else from the web client. Uses Application Default Credentials
 * (`gcloud auth application-default login`); a `demo-` project means the running local stack. Safe to run again.
 */
import { defaultPorts, readFirebaserc, resolveTarget, useTarget } from './lib/project';

function argAfter(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const values = new Set([argAfter(argv, '--project'), argAfter(argv, '--name')]);
  const email = argv.find((arg) => !arg.startsWith('--') && !values.has(arg));
  if (!email) {
    console.error('usage: npm run admin:create -- <email> [--name "Full Name"] [--project <id>]');
    process.exit(2);
  }
  const target = resolveTarget(argv, process.env, readFirebaserc(), defaultPorts());
  useTarget(target);
  console.log(
    `project ${target.projectId} (from ${target.from})${target.emulators ? ', on the local stack' : ', with Application Default Credentials'}`,
  );
  // Imported only now: the Admin SDK reads the project and emulator settings when it first starts.
  const { bootstrapAdmin } = await import('../functions/src/services/users/bootstrapAdmin');
  const out = await bootstrapAdmin({ email, displayName: argAfter(argv, '--name') });
  console.log(
    out.created
      ? `created ${email} (uid ${out.uid}) as admin`
      : out.changed
        ? `${email} (uid ${out.uid}) is now an active admin; their old sessions are signed out`
        : `${email} (uid ${out.uid}) already was an active admin: nothing changed`,
  );
  console.log(`set a password here (the link expires in about an hour):\n${out.setPasswordLink}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`admin:create failed: ${message}`);
  if (/quota project|Could not load the default credentials|invalid_grant/i.test(message))
    console.error(
      'Sign in with: gcloud auth application-default login && gcloud auth application-default set-quota-project <project>',
    );
  process.exit(1);
});
