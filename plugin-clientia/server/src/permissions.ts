import { PLUGIN_ID } from '../../shared/plugin';

/**
 * Admin RBAC actions of the plugin. Staff roles get them in Settings → Roles; super admins
 * have them all.
 */
export const ADMIN_ACTIONS = {
  readOverview: `plugin::${PLUGIN_ID}.overview.read`,
} as const;

export const adminActionDefinitions = [
  {
    section: 'plugins',
    displayName: 'Read the firm overview',
    uid: 'overview.read',
    pluginName: PLUGIN_ID,
  },
];
