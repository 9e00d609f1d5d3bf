import type { Core } from '@strapi/strapi';
import type { Row } from '../repositories/rows';

/** Told about each email once the mail server accepted it (the signing trail records deliveries). */
type SentListener = (email: Row) => Promise<void>;

// On the Strapi instance: tests load the plugin's source while Strapi runs its build.
const KEY = Symbol.for('clientia.email.sentListeners');

const listenersOf = (strapi: Core.Strapi): SentListener[] => {
  const holder = strapi as unknown as Record<symbol, SentListener[] | undefined>;
  return (holder[KEY] ??= []);
};

export const onEmailSent = (strapi: Core.Strapi, listener: SentListener) => {
  listenersOf(strapi).push(listener);
};

/** A listener that fails is logged: the email is sent either way and is not sent again. */
export const emailSent = async (strapi: Core.Strapi, email: Row) => {
  for (const listener of listenersOf(strapi)) {
    try {
      await listener(email);
    } catch (error) {
      strapi.log.error(`[clientia] after sending email ${String(email.id)}: ${(error as Error).message}`);
    }
  }
};
