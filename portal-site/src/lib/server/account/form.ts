/**
 * A form posted on the account page, and what its section's handler makes of it: a redirect (the
 * change is made, or the contact is sent elsewhere), or the form refused, shown again with the
 * reason beside the field and what the contact had typed.
 */
import type { APIContext } from 'astro';

import type { NotificationTopic } from '@clientia/shared/contracts/portal-preferences';
import type { MessageKey } from '../../i18n';
import type { PortalPage } from '../portal-page';
import { flash, type Flash } from '../browser-session';
import { StrapiError } from '../strapi';

export interface AccountPost {
  page: PortalPage;
  /** The page's own request: its cookies, the browser's address, and the redirect to answer with. */
  context: Pick<APIContext, 'cookies' | 'locals' | 'request' | 'redirect' | 'clientAddress'>;
  form: FormData;
}

/** Messages of the one form that was posted, by the id of the field they belong to. */
export type FieldErrors = Partial<Record<string, string>>;

/** What was typed into a refused form, so the contact does not type it again. */
export interface Typed {
  name?: string;
  language?: string;
  notifications?: Record<NotificationTopic, boolean>;
  /** The passkey whose rename form was refused: it opens again with the name typed. */
  passkey?: { id: string; name: string };
}

export interface Refusal {
  status: number;
  errors: FieldErrors;
  typed?: Typed;
}

export type AccountOutcome = Response | Refusal;

/** The sections a form returns to, so the contact sees what changed without scrolling. */
type AccountSection = '' | '#two-factor' | '#passkeys' | '#sessions';

export const badRequest = () => new Response(null, { status: 400 });

export const refused = (page: PortalPage, fieldName: string, key: MessageKey, status = 400): Refusal => ({
  status,
  errors: { [fieldName]: page.t(key) },
});

/** Whether the API refused the call with one of these statuses (anything else is the page's failure). */
export const refusedWith = (error: unknown, ...statuses: number[]): error is StrapiError =>
  error instanceof StrapiError && statuses.includes(error.status);

/** A message for the next page, then back to the section the form was in. */
export const backToAccount = async ({ page, context }: AccountPost, message: Flash, section: AccountSection = ''): Promise<Response> => {
  await flash(page.browserSession, message);
  return context.redirect(`/account${section}`, 303);
};

/** aria-invalid and aria-describedby of a section's fields, from the errors of the posted form. */
export const ariaOf = (errors: FieldErrors) => ({
  invalid: (fieldName: string) => (errors[fieldName] ? 'true' : undefined),
  describedBy: (fieldName: string, hint?: string) =>
    [hint, errors[fieldName] ? `${fieldName}-error` : undefined].filter(Boolean).join(' ') || undefined,
});
