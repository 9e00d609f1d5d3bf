import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../../shared/plugin';

/** How the firm lets its contacts sign in; changed in Settings → Clientia. */
interface SignInSettings {
  /** Contacts may ask for a sign-in link by email. */
  magicLinks: boolean;
  /** Every contact of every client must use two-factor authentication. */
  requireTwoFactor: boolean;
}

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { magicLinks: true, requireTwoFactor: false };

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'sign-in' });

export const signInSettings = async (strapi: Core.Strapi): Promise<SignInSettings> => {
  const saved = (await store(strapi).get({})) as Partial<SignInSettings> | null;
  return {
    magicLinks: typeof saved?.magicLinks === 'boolean' ? saved.magicLinks : DEFAULT_SIGN_IN_SETTINGS.magicLinks,
    requireTwoFactor: typeof saved?.requireTwoFactor === 'boolean' ? saved.requireTwoFactor : DEFAULT_SIGN_IN_SETTINGS.requireTwoFactor,
  };
};

export const saveSignInSettings = async (strapi: Core.Strapi, changes: Partial<SignInSettings>): Promise<SignInSettings> => {
  const next = { ...(await signInSettings(strapi)), ...changes };
  await store(strapi).set({ value: next });
  return next;
};
