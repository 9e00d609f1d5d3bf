import { isDeepStrictEqual } from 'node:util';
import { text } from '../repositories/rows';
import type { Sender } from '../email/sender';

/**
 * Clientia writes a few settings of users-permissions: the page the "forgot password" link leads
 * to, the sender and reply-to address of the account emails, and the reset email's text. The app
 * the plugin is installed into may use the same settings for its own website users, so each one
 * is Clientia's to write only while it holds users-permissions' stock value, exactly what
 * Clientia wrote last time, or what Clientia would write now (which covers versions that wrote
 * without keeping a record). Any other value is the app's own and stays as it is.
 */

/** Who decides a setting's value. */
type SettingOwner = 'clientia' | 'app';

interface SettingState<T> {
  current: T;
  /** users-permissions' own starting values (an unset value counts as one). */
  stock: readonly T[];
  /** What Clientia wrote last time; undefined when it has no record. */
  lastWritten: T | undefined;
  /** What Clientia would write now. */
  wanted: T;
}

/**
 * The next value of one setting and whose it is. Every value comes in its canonical form (see
 * `SETTINGS`), so that a `null` and an empty text, or two line breaks and one, compare equal.
 */
export const decideSetting = <T>({ current, stock, lastWritten, wanted }: SettingState<T>): { owner: SettingOwner; value: T } => {
  const clientiaMayReplace = [...stock, wanted, ...(lastWritten === undefined ? [] : [lastWritten])];
  return clientiaMayReplace.some((value) => isDeepStrictEqual(value, current)) ? { owner: 'clientia', value: wanted } : { owner: 'app', value: current };
};

interface ResetText {
  /** The subject (users-permissions calls it `object`). */
  object: string;
  message: string;
}

export type TemplateOptions = { from?: Partial<Sender>; response_email?: string; object?: string; message?: string } & Record<string, unknown>;
export type EmailTemplates = Record<string, ({ options?: TemplateOptions } & Record<string, unknown>) | undefined>;
export type AdvancedSettings = Record<string, unknown>;

/** users-permissions' two stored objects these settings live in. */
export interface UsersPermissionsSettings {
  advanced: AdvancedSettings;
  emails: EmailTemplates;
}

/** The text users-permissions seeds its reset template with (its bootstrap's `initEmails`). */
export const STOCK_RESET_SUBJECT = 'Reset password';
export const STOCK_RESET_MESSAGE = `<p>We heard that you lost your password. Sorry about that!</p>

<p>But don’t worry! You can use the following link to reset your password:</p>
<p><%= URL %>?code=<%= TOKEN %></p>

<p>Thanks.</p>`;
export const STOCK_SENDER: Sender = { name: 'Administration Panel', email: 'no-reply@strapi.io' };

const canonicalUrl = (value: unknown) => text(value).trim();
const canonicalSender = (value: unknown): Sender => {
  const from = value && typeof value === 'object' ? (value as Partial<Record<keyof Sender, unknown>>) : {};
  return { name: text(from.name).trim(), email: text(from.email).trim() };
};
// The admin panel's editor may reflow the HTML; the words are what tell whose text it is.
const canonicalResetText = (value: unknown): ResetText => {
  const options = value && typeof value === 'object' ? (value as Partial<Record<keyof ResetText, unknown>>) : {};
  return { object: text(options.object).trim(), message: text(options.message).replace(/\s+/g, ' ').trim() };
};

interface SettingDefinition {
  /** As the admin panel names it (Settings → Users & Permissions), for the start log. */
  label: string;
  /** Canonical stock values. */
  stock: readonly unknown[];
  canonical: (value: unknown) => unknown;
  /** The stored value; undefined when its template is not there at all. */
  read: (settings: UsersPermissionsSettings) => unknown;
  write: (settings: UsersPermissionsSettings, value: unknown) => UsersPermissionsSettings;
  /**
   * Clientia writes this one only while that one (earlier in `SETTINGS`) is Clientia's too; once
   * that one is the app's, a value Clientia wrote here goes back to `stockValue`.
   */
  follows?: string;
  stockValue?: unknown;
}

const templateOptions = (settings: UsersPermissionsSettings, template: string) => settings.emails[template]?.options ?? (settings.emails[template] ? {} : undefined);

const withTemplateOptions = (settings: UsersPermissionsSettings, template: string, change: Partial<TemplateOptions>): UsersPermissionsSettings => {
  const current = settings.emails[template] ?? {};
  return { ...settings, emails: { ...settings.emails, [template]: { ...current, options: { ...current.options, ...change } } } };
};

const senderOf = (template: string, title: string): SettingDefinition => ({
  label: `Email templates → ${title}: shipper name and email`,
  stock: [canonicalSender(STOCK_SENDER), canonicalSender({})],
  canonical: canonicalSender,
  read: (settings) => {
    const options = templateOptions(settings, template);
    return options && (options.from ?? null);
  },
  write: (settings, value) => withTemplateOptions(settings, template, { from: value as Sender }),
});

const replyToOf = (template: string, title: string): SettingDefinition => ({
  label: `Email templates → ${title}: response email`,
  stock: [''],
  canonical: canonicalUrl,
  read: (settings) => {
    const options = templateOptions(settings, template);
    return options && (options.response_email ?? null);
  },
  write: (settings, value) => withTemplateOptions(settings, template, { response_email: value as string }),
});

/**
 * The settings Clientia may write, by the key its record of them uses. A new one goes at the end:
 * the keys are stored.
 */
export const SETTINGS = {
  'advanced.email_reset_password': {
    label: 'Advanced settings → Reset password page',
    stock: [''],
    canonical: canonicalUrl,
    read: (settings) => settings.advanced.email_reset_password ?? null,
    write: (settings, value) => ({ ...settings, advanced: { ...settings.advanced, email_reset_password: value } }),
  },
  'email.reset_password.from': senderOf('reset_password', 'Reset password'),
  'email.reset_password.response_email': replyToOf('reset_password', 'Reset password'),
  'email.reset_password.text': {
    label: 'Email templates → Reset password: subject and message',
    // The portal's text speaks of the client portal: it has no place in the email of an app
    // whose reset link leads to its own page, even while that email has the stock text.
    follows: 'advanced.email_reset_password',
    stockValue: { object: STOCK_RESET_SUBJECT, message: STOCK_RESET_MESSAGE },
    stock: [canonicalResetText({ object: STOCK_RESET_SUBJECT, message: STOCK_RESET_MESSAGE }), canonicalResetText({ object: STOCK_RESET_SUBJECT }), canonicalResetText({})],
    canonical: canonicalResetText,
    read: (settings) => {
      const options = templateOptions(settings, 'reset_password');
      return options && { object: options.object, message: options.message };
    },
    write: (settings, value) => {
      const { object, message } = value as ResetText;
      return withTemplateOptions(settings, 'reset_password', { object, message });
    },
  },
  'email.email_confirmation.from': senderOf('email_confirmation', 'Email address confirmation'),
  'email.email_confirmation.response_email': replyToOf('email_confirmation', 'Email address confirmation'),
} satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTINGS;

/** What Clientia wrote into each setting last time, as written; kept in the plugin's own store. */
export type WrittenSettings = Partial<Record<SettingKey, unknown>>;

interface SettingsPlan {
  /** users-permissions' objects as they should be; the same objects when nothing changes. */
  settings: UsersPermissionsSettings;
  advancedChanged: boolean;
  emailsChanged: boolean;
  written: WrittenSettings;
  writtenChanged: boolean;
  /** The settings left to the app, in `SETTINGS` order. */
  kept: SettingKey[];
}

/**
 * What to write, given users-permissions' current objects, Clientia's record and what Clientia
 * wants each setting to be. Only settings whose canonical value differs are written, so a second
 * run on its own result changes nothing.
 */
export const planSettings = (current: UsersPermissionsSettings, lastWritten: WrittenSettings, wanted: Record<SettingKey, unknown>): SettingsPlan => {
  let settings = current;
  const written: WrittenSettings = { ...lastWritten };
  const kept: SettingKey[] = [];

  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const definition: SettingDefinition = SETTINGS[key];
    const stored = definition.read(current);
    if (stored === undefined) continue;
    const now = definition.canonical(stored);
    const { owner } = decideSetting({
      current: now,
      stock: definition.stock,
      lastWritten: key in lastWritten ? definition.canonical(lastWritten[key]) : undefined,
      wanted: definition.canonical(wanted[key]),
    });
    if (definition.follows && kept.includes(definition.follows as SettingKey)) {
      const isStock = definition.stock.some((value) => isDeepStrictEqual(value, now));
      if (owner === 'clientia' && !isStock) settings = definition.write(settings, definition.stockValue);
      delete written[key];
      kept.push(key);
    } else if (owner === 'app') {
      kept.push(key);
    } else {
      if (!isDeepStrictEqual(now, definition.canonical(wanted[key]))) settings = definition.write(settings, wanted[key]);
      written[key] = wanted[key];
    }
  }
  // Every write makes new objects, so a changed object is one that is no longer the same.
  return {
    settings,
    advancedChanged: settings.advanced !== current.advanced,
    emailsChanged: settings.emails !== current.emails,
    written,
    writtenChanged: !isDeepStrictEqual(written, lastWritten),
    kept,
  };
};

export const settingLabel = (key: SettingKey) => SETTINGS[key].label;
