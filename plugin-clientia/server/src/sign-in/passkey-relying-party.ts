import type { Core } from '@strapi/strapi';

import { NEUTRAL_BRANDING } from '../../../shared/contracts/branding';
import { records } from '../repositories/records';
import { portalOrigin } from './request';
import { UID } from '../constants';

/** Who the passkeys belong to: the portal's origin as the browser sees it, and its hostname as RP id. */
interface RelyingParty {
  origin: string;
  id: string;
  name: string;
}

/**
 * The relying party: the configured portal. Passkeys are bound to its hostname, so moving the
 * portal to another domain leaves the passkeys made on the old one behind.
 */
export const relyingParty = async (strapi: Core.Strapi): Promise<RelyingParty> => {
  const origin = await portalOrigin(strapi);
  return { origin, id: new URL(origin).hostname, name: await firmName(strapi) };
};

const firmName = async (strapi: Core.Strapi) => {
  const branding = await records(strapi, UID.branding).findOne({ select: ['firmName'] });
  const name = typeof branding?.firmName === 'string' ? branding.firmName.trim() : '';
  return name || NEUTRAL_BRANDING.firmName;
};
