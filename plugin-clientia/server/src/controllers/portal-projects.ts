import type { Core } from '@strapi/strapi';

const portalProjects = (_: { strapi: Core.Strapi }) => ({});

export default portalProjects;
