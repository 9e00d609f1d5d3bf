import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/plugin';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { records } from '../repositories/records';
import { text } from '../repositories/rows';
import { planSettings, settingLabel, type AdvancedSettings, type EmailTemplates, type SettingKey, type WrittenSettings } from './account-settings';
import { firmSender } from '../email/sender';

/**
 * users-permissions sends the "forgot password" email itself, from templates in its store. In an
 * app of its own the portal owns the page the link leads to, and the firm owns the sender: both
 * are kept here, so a client never gets a link into Strapi or a message from a product they have
 * never heard of. In an app that already set them for its own website users, they stay the app's.
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
const WRITTEN = { type: 'plugin', name: PLUGIN_ID } as const;
/** Clientia's own store key for what it last wrote into users-permissions' settings. */
export const WRITTEN_SETTINGS_KEY = 'users-permissions-settings-written';

/** The settings last logged as the app's own, per running Strapi: the log is not repeated while they stay so. */
const loggedKept = new WeakMap<Core.Strapi, string>();

const logKept = (strapi: Core.Strapi, kept: SettingKey[]) => {
  const list = kept.map(settingLabel).join('; ');
  if ((loggedKept.get(strapi) ?? '') === list) return;
  loggedKept.set(strapi, list);
  // Names only: the values are the app's business (and may be addresses).
  if (list) strapi.log.info(`[clientia] users-permissions settings kept as the app's own, not set by Clientia: ${list}`);
};

/**
 * Points the reset link at the portal and gives the account emails the firm's sender (both
 * templates: confirmation emails are off, but should one go out it must not say "Strapi") —
 * each only while the setting is Clientia's to write (see `account-settings.ts`).
 * Writes only what differs, so a restart changes nothing. Runs at bootstrap and on every change
 * of the branding, inside that change's transaction.
 */
export const syncAccountEmails = async (strapi: Core.Strapi) => {
  const store = strapi.store(STORE);
  const advanced = (await store.get({ key: 'advanced' })) as AdvancedSettings | null;
  const emails = (await store.get({ key: 'email' })) as EmailTemplates | null;
  // users-permissions seeds both at its own bootstrap; without them there is nothing to adjust
  // (and writing a partial object would stop it seeding its defaults).
  if (!advanced || !emails) {
    if (!syncWhenListening(strapi)) strapi.log.warn('[clientia] users-permissions settings are missing; the password reset email was not set up');
    return;
  }

  const branding = await records(strapi, UID.branding).findOne({ select: ['firmName', 'emailSenderName', 'emailSenderAddress', 'supportEmail'] });
  const sender = firmSender(branding, pluginConfig(strapi, 'emailFrom'));
  const replyTo = text(branding?.supportEmail).trim();
  const wanted: Record<SettingKey, unknown> = {
    'advanced.email_reset_password': `${pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '')}${RESET_PASSWORD_PATH}`,
    'email.reset_password.from': sender,
    'email.reset_password.response_email': replyTo,
    'email.reset_password.text': { object: RESET_PASSWORD_SUBJECT, message: RESET_PASSWORD_MESSAGE },
    'email.email_confirmation.from': sender,
    'email.email_confirmation.response_email': replyTo,
  };

  const writtenStore = strapi.store(WRITTEN);
  const record = await writtenStore.get({ key: WRITTEN_SETTINGS_KEY });
  const lastWritten = (record && typeof record === 'object' && !Array.isArray(record) ? record : {}) as WrittenSettings;
  const plan = planSettings({ advanced, emails }, lastWritten, wanted);
  if (plan.advancedChanged) await store.set({ key: 'advanced', value: plan.settings.advanced });
  if (plan.emailsChanged) await store.set({ key: 'email', value: plan.settings.emails });
  if (plan.writtenChanged) await writtenStore.set({ key: WRITTEN_SETTINGS_KEY, value: plan.written });
  logKept(strapi, plan.kept);
};

/** Each running Strapi's sync waits for its server at most once. */
const waitingForServer = new WeakSet<Core.Strapi>();

/**
 * Plugins boot in the order the app names them in config/plugins.ts, so in an app that names
 * this plugin but not users-permissions, this plugin boots first and, on a new database, finds
 * users-permissions' settings not seeded yet. The sync then runs again once the whole app has
 * booted and its server listens. False when that is no help: the server listens already, or
 * the sync waited once and the settings are still missing.
 */
const syncWhenListening = (strapi: Core.Strapi) => {
  const server = strapi.server?.httpServer;
  if (!server || server.listening || waitingForServer.has(strapi)) return false;
  waitingForServer.add(strapi);
  strapi.log.debug('[clientia] users-permissions settings are not seeded yet; the account emails are set up once the server listens');
  server.once('listening', () => {
    syncAccountEmails(strapi).catch((error: unknown) => {
      strapi.log.error(`[clientia] could not set up the password reset email: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  return true;
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
