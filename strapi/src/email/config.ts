import { outboxTransport, type OutboxTransport } from './outbox-transport';

/** Reads one environment variable; blank counts as unset (compose passes empty values through). */
type EnvReader = (key: string) => string | undefined;

const DEFAULT_OUTBOX_DIR = '.data/outbox';
export const DEFAULT_FROM = 'no-reply@localhost';

interface SmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

interface EmailPluginConfig {
  provider: 'nodemailer';
  providerOptions: SmtpOptions | OutboxTransport;
  settings: { defaultFrom: string };
}

const flag = (value: string | undefined, key: string) => {
  if (value === undefined) return false;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new Error(`${key} must be true or false, not "${value}"`);
};

const port = (value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`SMTP_PORT must be a port number, not "${value}"`);
  return n;
};

/**
 * The email plugin's config: SMTP when SMTP_HOST names a mail server, otherwise the outbox
 * folder, so an app without a mail server never tries the network (users-permissions would
 * otherwise fall back to sendmail on this machine).
 */
export const emailConfig = (env: EnvReader): EmailPluginConfig => {
  const read = (key: string) => env(key)?.trim() || undefined;
  const settings = { defaultFrom: read('EMAIL_FROM') ?? DEFAULT_FROM };
  const host = read('SMTP_HOST');
  if (!host) {
    return { provider: 'nodemailer', providerOptions: outboxTransport(read('EMAIL_OUTBOX_DIR') ?? DEFAULT_OUTBOX_DIR), settings };
  }
  const secure = flag(read('SMTP_SECURE'), 'SMTP_SECURE');
  const user = read('SMTP_USER');
  return {
    provider: 'nodemailer',
    providerOptions: {
      host,
      // 465 is SMTP over TLS from the first byte; 587 is submission with STARTTLS.
      port: port(read('SMTP_PORT'), secure ? 465 : 587),
      secure,
      ...(user ? { auth: { user, pass: env('SMTP_PASS') ?? '' } } : {}),
    },
    settings,
  };
};
