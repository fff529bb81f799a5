import type { Instant } from '../../domain/model/time';
import { nextProviderStatus, type Delivery } from '../../domain/notifications/delivery';
import { runTx } from '../../data/ops';
import { col } from './store';

/** Twilio's final and interim message statuses; failed and undelivered carry an ErrorCode. */
const FAILED = new Set(['failed', 'undelivered']);

/**
 * Records a (signature-verified) Twilio status callback on its message: the carrier's verdict and, for a
 * failure, the provider's error code. The message is not sent again: the carrier refused it, a retry would not help.
 */
export async function applyTwilioStatus(
  deliveryId: string,
  params: Record<string, string>,
  now: Instant,
): Promise<'updated' | 'unknown'> {
  return runTx(async (tx) => {
    const ref = col('outbox').doc(deliveryId);
    const snap = await tx.get(ref);
    if (!snap.exists) return 'unknown';
    const d = snap.data() as Delivery;
    const reported = params.MessageStatus ?? params.SmsStatus ?? 'unknown';
    // Callbacks arrive out of order: a late "sent" never overwrites "delivered" (the report is still kept below).
    const status = nextProviderStatus(d.provider?.status ?? null, reported) ?? reported;
    if (status !== d.provider?.status) {
      const error = FAILED.has(status)
        ? { code: `twilio-${params.ErrorCode ?? 'unknown'}`, message: `carrier status ${status}`, transient: false }
        : d.error;
      tx.update(ref, {
        provider: { name: 'twilio', id: params.MessageSid ?? d.provider?.id ?? '', status },
        error,
        updatedAt: now,
      });
    }
    tx.set(col('attempts').doc(`${deliveryId}~status~${reported}`), {
      deliveryId,
      at: now,
      outcome: 'status',
      status: reported,
      errorCode: params.ErrorCode ?? null,
      messageSid: params.MessageSid ?? null,
    });
    return 'updated';
  });
}
