import {
  NOTIFICATION_TOPICS,
  type NotificationTopic,
  type UpdatePreferencesRequest,
} from '../../../../shared/contracts/portal-preferences';
import { assertBodyKeys } from '../../controllers/validation';
import { fieldError } from '../../domain/errors';

export const MAX_LANGUAGE_LENGTH = 35;

/** A BCP 47 language tag in its canonical form (en-us → en-US), or a 400 naming the field. */
export const readLanguage = (value: unknown): string | null | undefined => {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string' || !value.trim() || value.trim().length > MAX_LANGUAGE_LENGTH) {
    throw fieldError('language', `must be a BCP 47 language tag such as en or de-CH, at most ${MAX_LANGUAGE_LENGTH} characters, or null`);
  }
  let tag: string;
  try {
    tag = new Intl.Locale(value.trim()).toString();
  } catch {
    throw fieldError('language', 'must be a BCP 47 language tag such as en or de-CH');
  }
  if (tag.length > MAX_LANGUAGE_LENGTH) throw fieldError('language', `must be at most ${MAX_LANGUAGE_LENGTH} characters`);
  return tag;
};

const readNotifications = (value: unknown): Partial<Record<NotificationTopic, boolean>> | undefined => {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fieldError('notifications', `must be an object with any of: ${NOTIFICATION_TOPICS.join(', ')}`);
  }
  const input = value as Record<string, unknown>;
  const result: Partial<Record<NotificationTopic, boolean>> = {};
  for (const [key, flag] of Object.entries(input)) {
    if (!(NOTIFICATION_TOPICS as readonly string[]).includes(key)) {
      throw fieldError(['notifications', key], `is not a notification topic; topics: ${NOTIFICATION_TOPICS.join(', ')}`);
    }
    if (typeof flag !== 'boolean') throw fieldError(['notifications', key], 'must be true or false');
    result[key as NotificationTopic] = flag;
  }
  return result;
};

/** The body of PUT /preferences, checked field by field; unknown keys are refused. */
export const readPreferencesUpdate = (body: unknown): UpdatePreferencesRequest => {
  const input = assertBodyKeys(body, ['language', 'notifications']);
  const update: UpdatePreferencesRequest = {};
  const language = readLanguage(input.language);
  if (language !== undefined) update.language = language;
  const notifications = readNotifications(input.notifications);
  if (notifications !== undefined) update.notifications = notifications;
  return update;
};
