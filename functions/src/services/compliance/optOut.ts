import { appendAudit } from '../../data/audit';
import { COL, firestore } from '../../data/db';
import { runTx, type Tx } from '../../data/ops';
import { EMPTY_HEAD } from '../../domain/audit/chain';
import type { AuditHead } from '../../domain/model/case';
import type { Actor } from '../../domain/model/roles';
import type { Instant } from '../../domain/model/time';
import { normalisePhone, parseOptKeyword } from '../../domain/notifications/optOut';

/** A number's contact preferences (`contactPreferences/{E.164}`): whatever case or customer carries it. */
export interface ContactPreferences {
  phone: string;
  optedOut: boolean;
  /** When and how it last changed (the Twilio MessageSid of the STOP or START). */
  changedAt: Instant;
  via: 'sms';
  messageSid: string;
  audit: AuditHead;
}

export const preferencesRef = (phone: string) => firestore().collection(COL.contactPreferences).doc(phone);
const inboundRef = (sid: string) => firestore().collection(COL.inboundSms).doc(sid);

export const INBOUND_SMS_ACTOR: Actor = { uid: 'system:twilio-inbound', role: 'system', displayName: 'Inbound SMS' };

export interface InboundSms {
  messageSid: string;
  from: string;
  body: string;
}

export type InboundOutcome = 'opted_out' | 'opted_in' | 'unchanged' | 'ignored' | 'duplicate';

/**
 * Works one (signature-checked) inbound SMS, once per MessageSid: STOP and its synonyms opt the sending number out
 * of contact, START / UNSTOP opt it back in, each change audited on the number's own chain. Any other text changes
 * nothing. Only the keyword is kept, never the message text.
 */
export async function applyInboundSms(sms: InboundSms, now: Instant): Promise<InboundOutcome> {
  return runTx(async (tx) => {
    if ((await tx.get(inboundRef(sms.messageSid))).exists) return 'duplicate';
    const keyword = parseOptKeyword(sms.body);
    const phone = normalisePhone(sms.from);
    const mark = (outcome: InboundOutcome) => {
      tx.create(inboundRef(sms.messageSid), { messageSid: sms.messageSid, phone, keyword, outcome, receivedAt: now });
      return outcome;
    };
    if (!keyword || !phone) return mark('ignored');
    const ref = preferencesRef(phone);
    const stored = (await tx.get(ref)).data() as ContactPreferences | undefined;
    const optedOut = keyword === 'opt_out';
    if ((stored?.optedOut ?? false) === optedOut) return mark('unchanged');
    const head = appendAudit(tx, stored?.audit ?? EMPTY_HEAD, {
      entity: `${COL.contactPreferences}/${phone}`,
      at: now,
      actor: { uid: INBOUND_SMS_ACTOR.uid, role: 'system', displayName: INBOUND_SMS_ACTOR.displayName ?? null },
      action: optedOut ? 'contact:optOut' : 'contact:optIn',
      summary: optedOut ? 'The customer opted out of contact by SMS' : 'The customer opted back in by SMS',
      requestId: sms.messageSid,
      before: { optedOut: stored?.optedOut ?? false },
      after: { optedOut },
      details: { keyword: sms.body.trim().toUpperCase().slice(0, 20), messageSid: sms.messageSid },
      transitions: [],
    });
    const prefs: ContactPreferences = {
      phone,
      optedOut,
      changedAt: now,
      via: 'sms',
      messageSid: sms.messageSid,
      audit: head,
    };
    tx.set(ref, { ...prefs });
    return mark(optedOut ? 'opted_out' : 'opted_in');
  });
}

/** The numbers among `phones` (normalised) that opted out, read in the caller's transaction. */
export async function optedOutAmong(tx: Pick<Tx, 'get'>, phones: readonly string[]): Promise<string[]> {
  const unique = phones.filter((p, i) => phones.indexOf(p) === i);
  const out: string[] = [];
  for (const phone of unique) {
    const snap = await tx.get(preferencesRef(phone));
    if (snap.exists && snap.get('optedOut') === true) out.push(phone);
  }
  return out;
}
