import { getNotificationPrefs, listInbox, markInboxRead, saveNotificationPrefs } from './inbox';
import { getNotificationRouting, saveNotificationRouting } from './notifyRouting';
import { getNotificationTemplates, saveNotificationTemplates } from './notifyTemplates';

/** The inbox, notification preferences and the notification configuration's handlers, by name. */
export const NOTIFICATIONS_OPERATIONS = {
  listInbox,
  markInboxRead,
  getNotificationPrefs,
  saveNotificationPrefs,
  getNotificationRouting,
  saveNotificationRouting,
  getNotificationTemplates,
  saveNotificationTemplates,
};
