import type { Core } from '@strapi/strapi';

const portalSeats = (_: { strapi: Core.Strapi }) => ({});

export default portalSeats;
