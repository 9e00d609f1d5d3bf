/** GET and PUT /api/clientia/preferences — the caller's own settings for the active client. */

export const NOTIFICATION_TOPICS = ['invoices', 'contracts', 'messages', 'documents', 'projects'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export interface PortalPreferences {
  /** BCP 47 tag; the client's or the firm's default until the contact picks one. */
  language: string;
  notifications: Record<NotificationTopic, boolean>;
}

/** Every key optional; `language: null` goes back to the default. Unknown keys are refused. */
export interface UpdatePreferencesRequest {
  language?: string | null;
  notifications?: Partial<Record<NotificationTopic, boolean>>;
}

export interface GetPreferencesResponse {
  data: PortalPreferences;
}
export type UpdatePreferencesResponse = GetPreferencesResponse;
