import type { Core } from '@strapi/strapi';

import { NEUTRAL_BRANDING } from '../../../shared/contracts/branding';
import { records } from '../repositories/records';
import { portalOrigin, type SignInHttpContext } from './request';
import { UID } from '../constants';

/** Who the passkeys belong to: the portal's origin as the browser sees it, and its hostname as RP id. */
interface RelyingParty {
  origin: string;
  id: string;
  name: string;
}

/**
 * The relying party of this request. Passkeys are bound to the portal's hostname, so moving the
 * portal to another domain (its PUBLIC_URL) leaves the passkeys made on the old one behind.
 */
export const relyingParty = async (strapi: Core.Strapi, ctx: SignInHttpContext): Promise<RelyingParty> => {
  const origin = await portalOrigin(strapi, ctx);
  return { origin, id: new URL(origin).hostname, name: await firmName(strapi) };
};

const firmName = async (strapi: Core.Strapi) => {
  const branding = await records(strapi, UID.branding).findOne({ select: ['firmName'] });
  const name = typeof branding?.firmName === 'string' ? branding.firmName.trim() : '';
  return name || NEUTRAL_BRANDING.firmName;
};
