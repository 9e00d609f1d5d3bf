import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    locales: [],
    // The admin would otherwise ask GitHub for release notes and tutorials on every visit.
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {},
};
