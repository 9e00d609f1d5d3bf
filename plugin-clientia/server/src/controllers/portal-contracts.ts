import type { Core } from '@strapi/strapi';

const portalContracts = (_: { strapi: Core.Strapi }) => ({});

export default portalContracts;
