import type { Core } from '@strapi/strapi';

const portalBilling = (_: { strapi: Core.Strapi }) => ({});

export default portalBilling;
