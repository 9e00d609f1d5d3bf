import { PLUGIN_ID } from '../../shared/plugin';

/**
 * Admin RBAC actions of the plugin. Staff roles get them in Settings → Roles; super admins have
 * them all. Reading is one action; each kind of change is its own, so a firm can let an assistant
 * answer messages without letting them touch billing or the brand.
 */
export const ADMIN_ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  manageRecords: `plugin::${PLUGIN_ID}.records.manage`,
  manageBilling: `plugin::${PLUGIN_ID}.billing.manage`,
  manageSettings: `plugin::${PLUGIN_ID}.settings.manage`,
} as const;

export type AdminAction = (typeof ADMIN_ACTIONS)[keyof typeof ADMIN_ACTIONS];

const action = (uid: string, displayName: string) => ({
  section: 'plugins',
  displayName,
  uid,
  pluginName: PLUGIN_ID,
});

export const adminActionDefinitions = [
  action('read', 'Read client records'),
  action('records.manage', 'Manage client records'),
  action('billing.manage', 'Manage billing'),
  action('settings.manage', 'Manage portal settings'),
];
