import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ClientOverview } from '../../../shared/contracts/admin';
import type { CreateClientRequest, StaffMember, UpdateClientRequest } from '../../../shared/contracts/admin-records';
import { fieldError } from '../domain/errors';
import { UID } from '../constants';
import { CLIENT_DETAIL_FIELDS, serializeClientDetail } from '../serializers/client';
import { STAFF_FIELDS, staffName } from '../serializers/values';
import { text } from '../repositories/rows';
import { documents, records } from '../repositories/records';

const SLUG_MAX = 80;

/** "Müller & Söhne GmbH" → "muller-sohne-gmbh": the client's name as it may appear in an address. */
const slugBase = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '') || 'client';

/** The slug base, with a number added when another client already has it. */
const freeSlug = async (strapi: Core.Strapi, name: string) => {
  const base = slugBase(name);
  const taken = new Set(
    (await records(strapi, UID.client).findMany({ select: ['slug'], where: { slug: { $startsWith: base } } })).map((row) => text(row.slug))
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
};

/** An account manager must be a staff member whose account is active. */
const checkAccountManager = async (strapi: Core.Strapi, id: number | null | undefined) => {
  if (id === null || id === undefined) return;
  const staff = await records(strapi, 'admin::user').findOne({ select: ['id'], where: { id, isActive: true } });
  if (!staff) throw fieldError('accountManager', 'must be the id of an active staff member, or null for none');
};

/** The request's fields under the schema's names (the API says `locale`, the record `preferredLocale`). */
const recordData = (request: UpdateClientRequest) => {
  const { locale, ...rest } = request;
  const data: Record<string, unknown> = { ...rest };
  if (locale !== undefined) data.preferredLocale = locale;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
};

const loadClient = async (strapi: Core.Strapi, documentId: string): Promise<ClientOverview['client']> => {
  const row = await records(strapi, UID.client).findOne({
    select: [...CLIENT_DETAIL_FIELDS],
    where: { documentId },
    populate: { accountManager: { select: [...STAFF_FIELDS] } },
  });
  if (!row) throw new errors.NotFoundError('No client has this documentId');
  return serializeClientDetail(row);
};

/** A new client, through the Document Service like every write; its slug follows its name. */
export const createClient = async (strapi: Core.Strapi, request: CreateClientRequest): Promise<ClientOverview['client']> => {
  await checkAccountManager(strapi, request.accountManager);
  const created = await strapi.db.transaction(async () =>
    documents(strapi, UID.client).create({
      data: { state: 'active', portalEnabled: true, ...recordData(request), slug: await freeSlug(strapi, request.name) },
    })
  );
  return loadClient(strapi, text(created.documentId));
};

/** Changes the fields sent; the slug stays, so addresses already handed out keep working. */
export const updateClient = async (strapi: Core.Strapi, documentId: string, request: UpdateClientRequest): Promise<ClientOverview['client']> => {
  const client = await records(strapi, UID.client).findOne({ select: ['id', 'documentId'], where: { documentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  await checkAccountManager(strapi, request.accountManager);
  const data = recordData(request);
  if (Object.keys(data).length > 0) await documents(strapi, UID.client).update({ documentId, data });
  return loadClient(strapi, documentId);
};

/** Staff who may look after a client: every active admin account, by name. */
export const listStaff = async (strapi: Core.Strapi): Promise<StaffMember[]> => {
  const rows = await records(strapi, 'admin::user').findMany({
    select: [...STAFF_FIELDS],
    where: { isActive: true },
    orderBy: [{ firstname: 'asc' }, { lastname: 'asc' }, { id: 'asc' }],
    limit: 500,
  });
  return rows.map((row) => ({ id: Number(row.id), name: staffName(row), email: text(row.email) }));
};
