import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../../shared/plugin';
import type { ClientiaConfig } from '../config';

export const pluginConfig = <K extends keyof ClientiaConfig>(strapi: Core.Strapi, key: K): ClientiaConfig[K] =>
  strapi.config.get(`plugin::${PLUGIN_ID}.${key}`) as ClientiaConfig[K];
