import * as inbox from './inbox';
import * as notifyRouting from './notifyRouting';
import * as notifyTemplates from './notifyTemplates';

/** The inbox, notification preferences and the notification configuration's handlers, by name (each module exports only operations). */
export const NOTIFICATIONS_OPERATIONS = { ...inbox, ...notifyRouting, ...notifyTemplates };
