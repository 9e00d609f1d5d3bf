import type { Core } from '@strapi/strapi';

const portalActivity = (_: { strapi: Core.Strapi }) => ({});

export default portalActivity;
