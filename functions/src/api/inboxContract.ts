/** Inbox, notification preferences and notification configuration, shared by the web client and the server. */
export type {
  InboxItemView,
  ListInboxInput,
  ListInboxOutput,
  MarkInboxReadInput,
  NotificationPrefsView,
  NotificationRoutingView,
  NotificationTemplatesView,
  NotifyChannel,
  NotifyLanguage,
  RouteRuleView,
  SaveNotificationPrefsInput,
  SaveNotificationRoutingInput,
  SaveNotificationTemplatesInput,
  TemplateTableView,
  TemplateView,
} from '../domain/contracts/notifications';
