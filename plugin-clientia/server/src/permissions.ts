import { PLUGIN_ID } from '../../shared/plugin';
import { UID } from './constants';

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

/**
 * What a staff member needs to reach each content type through Strapi's generic admin tools
 * (the Content Manager, releases, history, the admin homepage): the plugin's own actions,
 * whatever Content Manager permissions Strapi gave the role. `write: null` is read-only there
 * (the server writes audit records itself); a type absent from this map holds secrets or
 * machine state (outbound e-mail, sign-in links, challenges, sessions, second factors) and is
 * not reachable through those tools at all.
 */
export interface StaffAccess {
  read: AdminAction;
  write: AdminAction | null;
}

const { read, manageRecords, manageBilling, manageSettings } = ADMIN_ACTIONS;
const records: StaffAccess = { read, write: manageRecords };
const billing: StaffAccess = { read, write: manageBilling };

export const STAFF_ACCESS: Readonly<Record<string, StaffAccess>> = {
  [UID.client]: records,
  [UID.membership]: records,
  [UID.contract]: records,
  [UID.licence]: records,
  [UID.seat]: records,
  [UID.document]: records,
  [UID.project]: records,
  [UID.milestone]: records,
  [UID.thread]: records,
  [UID.message]: records,
  [UID.invoice]: billing,
  [UID.payment]: billing,
  [UID.retainer]: billing,
  [UID.timeEntry]: billing,
  [UID.branding]: { read, write: manageSettings },
  [UID.signatureEvent]: { read, write: null },
  [UID.activity]: { read, write: null },
};
