import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Staff can switch the admin to German in their profile; the plugin ships both languages.
    locales: ['de'],
    // The admin would otherwise ask GitHub for release notes and tutorials on every visit.
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {},
};
