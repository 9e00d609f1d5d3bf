import type { Core } from '@strapi/strapi';

const portalDashboard = (_: { strapi: Core.Strapi }) => ({});

export default portalDashboard;
