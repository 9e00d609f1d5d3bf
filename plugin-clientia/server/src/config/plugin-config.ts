import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../../shared/plugin';
import { DEFAULT_CONFIG, type ClientiaConfig } from './index';

/** One key of the plugin's validated config; the documented default for a list the app left unset. */
export const pluginConfig = <K extends keyof ClientiaConfig>(strapi: Core.Strapi, key: K): ClientiaConfig[K] =>
  strapi.config.get(`plugin::${PLUGIN_ID}.${key}`, DEFAULT_CONFIG[key]) as ClientiaConfig[K];
