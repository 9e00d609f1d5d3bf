import { PLUGIN_ID } from './pluginId';

/** The plugin's admin RBAC actions, as the server declares them. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  manageRecords: `plugin::${PLUGIN_ID}.records.manage`,
  manageBilling: `plugin::${PLUGIN_ID}.billing.manage`,
  manageSettings: `plugin::${PLUGIN_ID}.settings.manage`,
} as const;

export type ClientiaAction = (typeof ACTIONS)[keyof typeof ACTIONS];
