import { defineInt } from 'firebase-functions/params';
import { DEFAULT_FOLLOW_UPS, type FollowUpConfig } from '../domain/notifications/schedule';

/** Follow-up thresholds as deploy-time configuration (README, "Params and secrets"). */
export const NOTIFY_REMINDER_LEAD_HOURS = defineInt('NOTIFY_REMINDER_LEAD_HOURS', {
  default: DEFAULT_FOLLOW_UPS.reminderLeadHours,
  description: 'Hours before a promise or follow-up falls due that the RO (and the customer) are reminded',
});
export const NOTIFY_DRC_ESCALATION_DAYS = defineInt('NOTIFY_DRC_ESCALATION_DAYS', {
  default: DEFAULT_FOLLOW_UPS.drcAdminAfterDays,
  description: 'Days a case may sit overdue before its DRC admin is alerted',
});
export const NOTIFY_OFFICER_ESCALATION_DAYS = defineInt('NOTIFY_OFFICER_ESCALATION_DAYS', {
  default: DEFAULT_FOLLOW_UPS.officerAfterDays,
  description: "Days a case may sit overdue before the operator's recovery officers are alerted",
});

/** Outside a deployed runtime params are unset (0): the declared defaults apply. */
export function followUpConfig(): FollowUpConfig {
  return {
    reminderLeadHours: NOTIFY_REMINDER_LEAD_HOURS.value() || DEFAULT_FOLLOW_UPS.reminderLeadHours,
    drcAdminAfterDays: NOTIFY_DRC_ESCALATION_DAYS.value() || DEFAULT_FOLLOW_UPS.drcAdminAfterDays,
    officerAfterDays: NOTIFY_OFFICER_ESCALATION_DAYS.value() || DEFAULT_FOLLOW_UPS.officerAfterDays,
  };
}
