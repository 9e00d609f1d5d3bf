import type { Core } from '@strapi/strapi';

const portalThreads = (_: { strapi: Core.Strapi }) => ({});

export default portalThreads;
