/** GET and PUT /api/clientia/preferences — the caller's own settings for the active client. */
import { z } from 'zod';

import { flag } from './fields';

export const NOTIFICATION_TOPICS = ['invoices', 'contracts', 'messages', 'documents', 'projects'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

const LANGUAGE_TAG_MAX = 35;

export interface PortalPreferences {
  /** BCP 47 tag; the client's or the firm's default until the contact picks one. */
  language: string;
  notifications: Record<NotificationTopic, boolean>;
}

/** A BCP 47 language tag, in its canonical form (en-us → en-US). */
const languageTag = z
  .string({ error: `must be a BCP 47 language tag such as en or de-CH, at most ${LANGUAGE_TAG_MAX} characters, or null` })
  .trim()
  .min(1, { error: `must be a BCP 47 language tag such as en or de-CH, at most ${LANGUAGE_TAG_MAX} characters, or null`, abort: true })
  .max(LANGUAGE_TAG_MAX, { error: `must be a BCP 47 language tag such as en or de-CH, at most ${LANGUAGE_TAG_MAX} characters, or null`, abort: true })
  .transform((value, ctx) => {
    let tag: string;
    try {
      tag = new Intl.Locale(value).toString();
    } catch {
      ctx.issues.push({ code: 'custom', message: 'must be a BCP 47 language tag such as en or de-CH', input: value });
      return z.NEVER;
    }
    if (tag.length > LANGUAGE_TAG_MAX) {
      ctx.issues.push({ code: 'custom', message: `must be at most ${LANGUAGE_TAG_MAX} characters`, input: value });
      return z.NEVER;
    }
    return tag;
  });

const topics = NOTIFICATION_TOPICS.join(', ');

/** Every key optional; `language: null` goes back to the default. Unknown keys are refused. */
export const updatePreferencesRequest = z.strictObject({
  language: languageTag.nullable().optional(),
  notifications: z
    .strictObject(Object.fromEntries(NOTIFICATION_TOPICS.map((topic) => [topic, flag().optional()])) as Record<NotificationTopic, z.ZodOptional<z.ZodBoolean>>, {
      error: (issue) => (issue.code === 'unrecognized_keys' ? `is not a notification topic; topics: ${topics}` : `must be an object with any of: ${topics}`),
    })
    .optional(),
});
export type UpdatePreferencesRequest = z.infer<typeof updatePreferencesRequest>;

export interface GetPreferencesResponse {
  data: PortalPreferences;
}
export type UpdatePreferencesResponse = GetPreferencesResponse;
