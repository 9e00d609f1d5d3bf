import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../shared/plugin';
import type services from './services';

type ServiceMap = typeof services;
export type ServiceName = keyof ServiceMap;
export type Service<N extends ServiceName> = ReturnType<ServiceMap[N]>;

/** Typed access to the plugin's own services. */
export const getService = <N extends ServiceName>(strapi: Core.Strapi, name: N): Service<N> =>
  strapi.plugin(PLUGIN_ID).service(name) as Service<N>;
