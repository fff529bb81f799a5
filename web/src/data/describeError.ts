import { FirebaseError } from 'firebase/app';
import { isRefusalReason } from '../../../functions/src/domain/refusalReasons';
import { currentLanguage } from '../i18n/locale';
import { t, type MessageKey } from '../i18n/t';
import { QueuedOfflineError } from '../offline/offlineDataSource';
import { RequestTimeoutError } from './DataSource';
import { withoutHttpStatus } from './sdkMessage';

/** An error as the user sees it: a sentence, and messages for the fields it concerns. */
export interface ShownError {
  message: string;
  fields: Record<string, string>;
  /** The server's reason code (`reason-required`, `conflict`...), for screens that word known refusals themselves. */
  code?: string;
}

const PLAIN_WORDS: Record<string, MessageKey> = {
  'invalid-credential': 'error.wrongLogin',
  'invalid-login-credentials': 'error.wrongLogin',
  'wrong-password': 'error.wrongLogin',
  'user-not-found': 'error.wrongLogin',
  'missing-password': 'error.wrongLogin',
  'invalid-email': 'error.badEmail',
  'user-disabled': 'error.userDisabled',
  'too-many-requests': 'error.tooManyAttempts',
  'network-request-failed': 'error.offline',
  unavailable: 'error.offline',
  'deadline-exceeded': 'error.offline',
  unauthenticated: 'error.unauthenticated',
  'permission-denied': 'error.permissionDenied',
  'not-found': 'error.notFound',
  'invalid-argument': 'error.invalidArgument',
  aborted: 'error.conflict',
  internal: 'error.internal',
};

/** Codes whose messages our functions write for users (HttpsError): shown as they are. */
const SERVER_WORDED = new Set([
  'invalid-argument',
  'permission-denied',
  'not-found',
  'failed-precondition',
  'already-exists',
  'out-of-range',
  'unauthenticated',
]);

function fieldsOf(details: unknown): Record<string, string> {
  if (typeof details !== 'object' || details === null || !('fields' in details)) return {};
  const fields = details.fields;
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * A refusal in the reader's language, from its reason code; in English, and for a code we do not word, the server's
 * own message (it names the particulars: the status, the limit, the date).
 */
function refusalText(reason: unknown, english: string): string {
  return isRefusalReason(reason) && currentLanguage() !== 'en' ? t(`refusal.${reason}`) : english;
}

function reasonOf(details: unknown): unknown {
  return typeof details === 'object' && details !== null && 'reason' in details ? details.reason : undefined;
}

export function describeError(error: unknown): ShownError {
  if (error instanceof QueuedOfflineError) return { message: t('offline.queued'), fields: {} };
  if (error instanceof RequestTimeoutError) return { message: t('error.timeout'), fields: {} };
  if (error instanceof FirebaseError) {
    // `functions/not-found`, `auth/invalid-credential`; Firestore codes have no service prefix.
    const [service, code = service] = error.code.split('/');
    const fields = 'details' in error ? fieldsOf(error.details) : {};
    const message = withoutHttpStatus(error.message);
    const reason = 'details' in error ? reasonOf(error.details) : undefined;
    if (service === 'functions' && isRefusalReason(reason))
      return { message: refusalText(reason, message), fields, code };
    if (service === 'functions' && SERVER_WORDED.has(code) && message && message !== code) {
      return { message, fields, code };
    }
    const key = PLAIN_WORDS[code];
    return { message: key ? t(key) : t('error.unknown', { message: error.message }), fields, code };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: t('error.unknown', { message }), fields: {} };
}

/** A REJECTED request's error, in the same shape. */
export function rejectionOf(
  error: { code?: string; message: string; fields?: Record<string, string> } | null,
): ShownError {
  const english = error?.message || t('error.rejected');
  return { message: refusalText(error?.code, english), fields: error?.fields ?? {}, code: error?.code };
}
