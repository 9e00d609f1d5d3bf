import type { Core } from '@strapi/strapi';

import { CONTACT_ROLE_TYPE } from '../../src/constants';
import { ensureContactRole } from '../../src/routes/content-api/contact-role';

type Row = { id: number } & Record<string, unknown>;

/**
 * Just enough of Strapi for the contact role: the users-permissions role and permission tables in
 * memory, and users-permissions' `initialize()`, which (as in users-permissions 5.54) makes the
 * Public and Authenticated roles only while there is no role at all.
 */
const fakeStrapi = (existingRoles: string[]) => {
  const tables: Record<string, Row[]> = {
    'plugin::users-permissions.role': existingRoles.map((type, i) => ({ id: i + 1, type, name: type })),
    'plugin::users-permissions.permission': [],
  };
  const matches = (row: Row, where: Record<string, unknown>) =>
    Object.entries(where).every(([key, value]) =>
      key === 'role' ? (row.role as number) === (value as { id: number }).id : row[key] === value
    );
  const query = (uid: string) => {
    const rows = tables[uid];
    return {
      findOne: async ({ where }: { where: Record<string, unknown> }) => rows.find((row) => matches(row, where)) ?? null,
      findMany: async ({ where }: { where: Record<string, unknown> }) => rows.filter((row) => matches(row, where)),
      count: async () => rows.length,
      create: async ({ data }: { data: Record<string, unknown> }) => {
        const row = { id: rows.length + 1, ...data };
        rows.push(row);
        return row;
      },
      deleteMany: async () => ({ count: 0 }),
    };
  };
  const initialize = jest.fn(async () => {
    const roles = query('plugin::users-permissions.role');
    if ((await roles.count()) === 0) {
      await roles.create({ data: { name: 'Authenticated', type: 'authenticated' } });
      await roles.create({ data: { name: 'Public', type: 'public' } });
    }
  });
  const strapi = {
    db: { query },
    plugin: (name: string) => ({
      service: (service: string) => {
        if (name !== 'users-permissions' || service !== 'users-permissions') throw new Error(`no ${name}.${service} here`);
        return { initialize };
      },
    }),
  } as unknown as Core.Strapi;
  const roleTypes = () => tables['plugin::users-permissions.role'].map((role) => role.type);
  return { strapi, initialize, roleTypes };
};

describe('the portal contact role', () => {
  it('on a new database booted before users-permissions, lets it make Public and Authenticated first', async () => {
    const { strapi, initialize, roleTypes } = fakeStrapi([]);
    await ensureContactRole(strapi);
    expect(initialize).toHaveBeenCalledTimes(1);
    expect(roleTypes()).toEqual(['authenticated', 'public', CONTACT_ROLE_TYPE]);
  });

  it('leaves users-permissions alone once it has its roles', async () => {
    const { strapi, initialize, roleTypes } = fakeStrapi(['authenticated', 'public', 'editors']);
    await ensureContactRole(strapi);
    await ensureContactRole(strapi);
    expect(initialize).not.toHaveBeenCalled();
    expect(roleTypes()).toEqual(['authenticated', 'public', 'editors', CONTACT_ROLE_TYPE]);
  });
});
