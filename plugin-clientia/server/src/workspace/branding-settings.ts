import type { Core } from '@strapi/strapi';

import type { BrandingSettings, UpdateBrandingSettingsRequest } from '../../../shared/contracts/admin';
import { fieldError } from '../domain/errors';
import { STRAPI_UID, UID } from '../constants';
import { serializeBrandingSettings } from '../serializers/branding';
import { documents, records } from '../repositories/records';

const MEDIA_POPULATE = { logo: { fields: ['url'] }, favicon: { fields: ['url'] } };

const current = (strapi: Core.Strapi) => documents(strapi, UID.branding).findFirst({ populate: MEDIA_POPULATE });

const assertFilesExist = async (strapi: Core.Strapi, changes: UpdateBrandingSettingsRequest) => {
  for (const field of ['logo', 'favicon'] as const) {
    const id = changes[field];
    if (id === undefined || id === null) continue;
    const file = await records(strapi, STRAPI_UID.file).findOne({ select: ['id', 'mime'], where: { id } });
    if (!file) throw fieldError(field, `no file with id ${id} in the media library`);
    if (typeof file.mime === 'string' && !file.mime.startsWith('image/')) throw fieldError(field, 'must be an image');
  }
};

export const getBrandingSettings = async (strapi: Core.Strapi): Promise<BrandingSettings> => serializeBrandingSettings(await current(strapi));

/** Applies the changes given (fields left out keep their value); creates the brand the first time. */
export const updateBrandingSettings = async (strapi: Core.Strapi, changes: UpdateBrandingSettingsRequest): Promise<BrandingSettings> => {
  await assertFilesExist(strapi, changes);
  const existing = await current(strapi);
  const data = { ...changes } as Record<string, unknown>;
  if (existing) {
    await documents(strapi, UID.branding).update({ documentId: String(existing.documentId), data });
  } else {
    if (!changes.firmName) throw fieldError('firmName', "is required: name the firm before setting the rest of its brand");
    await documents(strapi, UID.branding).create({ data });
  }
  return serializeBrandingSettings(await current(strapi));
};
