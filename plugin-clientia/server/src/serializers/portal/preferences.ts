import {
  NOTIFICATION_TOPICS,
  type NotificationTopic,
  type PortalPreferences,
} from '../../../../shared/contracts/portal-preferences';
import { assertClientSafe } from '../client-safe';
import { textOrNull, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_PREFERENCES_FIELDS = assertClientSafe(UID.membership, ['id', 'documentId', 'notificationPreferences', 'language']);

/** Every topic is on until the contact turns it off. */
export const notificationsOf = (stored: unknown): Record<NotificationTopic, boolean> => {
  const saved = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(NOTIFICATION_TOPICS.map((topic) => [topic, saved[topic] !== false])) as Record<NotificationTopic, boolean>;
};

export const serializePortalPreferences = (membership: Row, defaultLanguage: string): PortalPreferences => ({
  language: textOrNull(membership.language) || defaultLanguage,
  notifications: notificationsOf(membership.notificationPreferences),
});
