import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { REGION } from '../config';
import { configuredProviders } from '../notifications/providers';
import { NOTIFY_SECRETS } from '../notifications/providers/config';
import { deliverOne } from '../services/notifications/deliver';

/** A new outbox message is sent at once when due; later ones (quiet hours, retries) by notifySchedule. */
export const onNotificationCreated = onDocumentCreated(
  { document: 'notifications/{deliveryId}', region: REGION, secrets: NOTIFY_SECRETS },
  async (event) => {
    await deliverOne(event.params.deliveryId, await configuredProviders());
  },
);
