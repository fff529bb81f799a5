/**
 * `npm run audit:verify`: checks every hash chain in the audit trail and reports the first broken link of each.
 * Against the local stack by default (FIRESTORE_EMULATOR_HOST from firebase.json); against a real project with
 * `-- --project <id>` and Application Default Credentials. Exits 1 when a chain is broken.
 */
import { PROJECT_ID, stackPorts } from './lib/ports';

async function main(): Promise<void> {
  const projectArg = process.argv.indexOf('--project');
  if (projectArg > 0) {
    process.env.GCLOUD_PROJECT = process.argv[projectArg + 1];
  } else {
    process.env.FIRESTORE_EMULATOR_HOST ??= `127.0.0.1:${stackPorts().firestore}`;
    process.env.GCLOUD_PROJECT ??= PROJECT_ID;
  }
  const { verifyAuditTrail } = await import('../functions/src/services/auditTrail');
  const report = await verifyAuditTrail((n) => console.log(`… ${n} events checked`));
  console.log(`${report.events} events in ${report.entities} chains (${process.env.GCLOUD_PROJECT})`);
  for (const b of report.broken) console.log(`BROKEN ${b.entity} at event ${b.seq}: ${b.reason}`);
  console.log(report.broken.length === 0 ? 'audit trail intact' : `${report.broken.length} chain(s) broken`);
  process.exit(report.broken.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
