import type { Core } from '@strapi/strapi';

const portalPreferences = (_: { strapi: Core.Strapi }) => ({});

export default portalPreferences;
