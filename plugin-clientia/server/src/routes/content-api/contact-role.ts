import type { Core } from '@strapi/strapi';

import { PORTAL_ROUTES } from './portal';
import { actionOf } from '../../portal/route-spec';
import { CONTACT_ROLE_TYPE, STRAPI_UID } from '../../constants';

/**
 * The users-permissions role every portal contact has. Kept to exactly the portal routes at every
 * start: a permission added by hand (users, upload, users-permissions' own account routes) is removed.
 */
export const ensureContactRole = async (strapi: Core.Strapi) => {
  const roles = strapi.db.query(STRAPI_UID.role as never);
  let role = (await roles.findOne({ where: { type: CONTACT_ROLE_TYPE } })) as { id: number } | null;
  if (!role && (await roles.count({})) === 0) {
    // users-permissions makes its Public and Authenticated roles and their default permissions
    // only while there is no role and no permission at all. Plugins boot in the order the app
    // names them, so in an app whose config/plugins.ts names this plugin but not users-permissions
    // this runs first on a new database, and the contact role would keep those two from ever
    // being made. Let users-permissions make them now (it skips that step when it boots later).
    const usersPermissions = strapi.plugin('users-permissions').service('users-permissions') as unknown as { initialize(): Promise<void> };
    await usersPermissions.initialize();
  }
  role ??= (await roles.create({
    data: {
      name: 'Client contact',
      description: 'Contacts of the firm’s clients: the client portal and their own account only.',
      type: CONTACT_ROLE_TYPE,
    },
  })) as { id: number };

  // Not even users-permissions' /users/me or /auth/change-password: the portal API has the
  // contact's account, under the same sign-in session checks as every other portal route.
  const wanted = new Set(PORTAL_ROUTES.map(actionOf));
  const permissions = strapi.db.query(STRAPI_UID.permission as never);
  const granted = (await permissions.findMany({ where: { role: { id: role.id } }, select: ['id', 'action'] })) as { id: number; action: string }[];
  const extra = granted.filter((p) => !wanted.has(p.action));
  if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  const have = new Set(granted.map((p) => p.action));
  for (const action of wanted) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
  return role.id;
};
