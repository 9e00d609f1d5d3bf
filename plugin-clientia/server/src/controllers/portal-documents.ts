import type { Core } from '@strapi/strapi';

const portalDocuments = (_: { strapi: Core.Strapi }) => ({});

export default portalDocuments;
