import type { RecallCasesInput, ReassignCasesInput } from '../../../functions/src/domain/contracts/types';
import type { MarkInboxReadInput, SaveNotificationPrefsInput } from '../../../functions/src/domain/contracts/types';
import type {
  InviteUserInput,
  ReadAuditTrailInput,
  UpdateUserInput,
} from '../../../functions/src/domain/contracts/types';
import type { Callables } from './callables';

/**
 * What both stacks do the same way: administration goes through callable functions, never straight to
 * Firestore. Each data source adds only how it reads cases live and submits requests.
 */
export abstract class CallableAdmin {
  constructor(protected readonly api: Callables) {}

  listCaseTypes() {
    return this.api.listCaseTypes();
  }

  saveCaseType(config: Record<string, unknown>) {
    return this.api.saveCaseType(config);
  }

  listUsers() {
    return this.api.listUsers();
  }

  inviteUser(input: InviteUserInput) {
    return this.api.inviteUser(input);
  }

  updateUser(input: UpdateUserInput) {
    return this.api.updateUser(input);
  }

  readAuditTrail(input: ReadAuditTrailInput) {
    return this.api.readAuditTrail(input);
  }

  exportAuditCsv(input: ReadAuditTrailInput) {
    return this.api.exportAuditCsv(input);
  }

  verifyAuditTrail() {
    return this.api.verifyAuditTrail();
  }

  recallCases(input: RecallCasesInput) {
    return this.api.recallCases(input);
  }

  reassignCases(input: ReassignCasesInput) {
    return this.api.reassignCases(input);
  }

  markInboxRead(input: MarkInboxReadInput) {
    return this.api.markInboxRead(input);
  }

  getNotificationPrefs() {
    return this.api.getNotificationPrefs();
  }

  saveNotificationPrefs(input: SaveNotificationPrefsInput) {
    return this.api.saveNotificationPrefs(input);
  }
}
