import type { Core } from '@strapi/strapi';

import { parseEmailFrom } from '../config/email-from';
import { UID } from '../rules/helpers';
import { pluginConfig } from '../rules/settings';
import { records } from '../services/records';
import { text, type Row } from '../serializers/values';

/**
 * users-permissions sends the "forgot password" email itself, from templates in its store. The
 * portal owns the page the link leads to, and the firm owns the sender: both are kept here, so a
 * client never gets a link into Strapi or a message from a product they have never heard of.
 */
const STORE = { type: 'plugin', name: 'users-permissions' } as const;

/** The portal page that takes the `code` from the email and posts it to /api/auth/reset-password. */
export const RESET_PASSWORD_PATH = '/reset-password';

export const RESET_PASSWORD_SUBJECT = 'Reset your password';

// users-permissions fills in URL and TOKEN (and nothing but its own variables).
export const RESET_PASSWORD_MESSAGE = `<p>Hello,</p>

<p>We received a request to reset the password of your client portal account. To choose a new password, open this link:</p>

<p><a href="<%= URL %>?code=<%= TOKEN %>"><%= URL %>?code=<%= TOKEN %></a></p>

<p>The link works once. If you did not ask for a new password, you can ignore this email: your password stays as it is.</p>`;

/**
 * The text users-permissions starts with. Only that is replaced: a template the firm has
 * rewritten in the admin panel is theirs to keep.
 */
const isStockText = (message: unknown) => typeof message !== 'string' || !message.trim() || message.includes('We heard that you lost your password');

interface Sender {
  name: string;
  email: string;
}

/**
 * users-permissions writes the sender as `${name} <${email}>`, so a name with a comma ("Keller,
 * Brandt & Partner") would read as two addresses: such a name goes in quotes. Line breaks never
 * reach a header.
 */
const displayName = (name: string) => {
  const line = name.replace(/\s+/g, ' ').trim();
  return /[()<>[\]:;@\\,."]/.test(line) ? `"${line.replace(/(["\\])/g, '\\$1')}"` : line;
};

/**
 * The firm's sender from the branding: its address, under the sender name or else the firm's
 * name. Without an address, the plugin's `emailFrom` (under its own name, else the firm's);
 * without that either, nobody: the email provider's default sender is used instead.
 */
export const firmSender = (branding: Row | null, emailFrom = ''): Sender => {
  const firmName = text(branding?.firmName).trim();
  const email = text(branding?.emailSenderAddress).trim();
  if (email) return { name: displayName(text(branding?.emailSenderName).trim() || firmName), email };
  const configured = parseEmailFrom(emailFrom);
  if (!configured) return { name: '', email: '' };
  return { name: displayName(configured.name || firmName), email: configured.email };
};

type TemplateOptions = { from?: Partial<Sender>; response_email?: string; object?: string; message?: string } & Record<string, unknown>;
type EmailTemplates = Record<string, { options?: TemplateOptions } & Record<string, unknown>>;

const withSender = (options: TemplateOptions | undefined, sender: Sender, replyTo: string): TemplateOptions => ({
  ...options,
  from: sender,
  response_email: replyTo,
});

/**
 * Points the reset link at the portal and gives the account emails the firm's sender (both
 * templates: confirmation emails are off, but should one go out it must not say "Strapi").
 * Writes only what differs, so a restart changes nothing. Runs at bootstrap and on every change
 * of the branding, inside that change's transaction.
 */
export const syncAccountEmails = async (strapi: Core.Strapi) => {
  const store = strapi.store(STORE);
  const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown> | null;
  const emails = (await store.get({ key: 'email' })) as EmailTemplates | null;
  // users-permissions seeds both at its own bootstrap, before this plugin's; without them there
  // is nothing to adjust (and writing a partial object would stop it seeding its defaults).
  if (!advanced || !emails) {
    strapi.log.warn('[clientia] users-permissions settings are missing; the password reset email was not set up');
    return;
  }

  const resetUrl = `${pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '')}${RESET_PASSWORD_PATH}`;
  if (advanced.email_reset_password !== resetUrl) {
    await store.set({ key: 'advanced', value: { ...advanced, email_reset_password: resetUrl } });
  }

  const branding = await records(strapi, UID.branding).findOne({ select: ['firmName', 'emailSenderName', 'emailSenderAddress', 'supportEmail'] });
  const sender = firmSender(branding, pluginConfig(strapi, 'emailFrom'));
  const replyTo = text(branding?.supportEmail).trim();
  const next: EmailTemplates = { ...emails };
  for (const key of ['reset_password', 'email_confirmation']) {
    if (next[key]) next[key] = { ...next[key], options: withSender(next[key].options, sender, replyTo) };
  }
  const reset = next.reset_password;
  if (reset && isStockText(reset.options?.message)) {
    reset.options = { ...reset.options, object: RESET_PASSWORD_SUBJECT, message: RESET_PASSWORD_MESSAGE };
  }
  if (JSON.stringify(next) !== JSON.stringify(emails)) await store.set({ key: 'email', value: next });
};

const BRANDING_WRITES: readonly string[] = ['create', 'update', 'delete'];

/** Keeps the sender in step with the branding, whoever changes it (settings page, content manager). */
export const registerAccountEmailSync = (strapi: Core.Strapi) => {
  const middleware = async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
    const result = await next();
    if (ctx.uid === UID.branding && BRANDING_WRITES.includes(ctx.action)) await syncAccountEmails(strapi);
    return result;
  };
  strapi.documents.use(middleware as unknown as Parameters<Core.Strapi['documents']['use']>[0]);
};
