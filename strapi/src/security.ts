import type { Core } from '@strapi/strapi';

/**
 * Every portal account comes from an invitation, so the users-permissions sign-up route stays
 * closed. Applied at every start so a setting flipped by hand does not stay open unnoticed.
 */
export const closePublicRegistration = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown> | null;
  if (advanced && advanced.allow_register !== false) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  }
};
