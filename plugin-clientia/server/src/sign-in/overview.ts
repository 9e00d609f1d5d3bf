import type { Core } from '@strapi/strapi';

import type { SecurityOverview } from '../../../shared/contracts/sign-in';
import { records } from '../repositories/records';
import { listPasskeys } from './passkey-store';
import { unusedRecoveryCodes } from './recovery-codes';
import { twoFactorRequirement } from './requirement';
import { signInSettings } from './settings';
import { UID } from '../constants';

/** GET /security: how the contact signs in, and what the firm requires of them. */
export const securityOverview = async (strapi: Core.Strapi, userId: number): Promise<SecurityOverview> => {
  const [requirement, twoFactor, passkeys, settings] = await Promise.all([
    twoFactorRequirement(strapi, userId),
    records(strapi, UID.twoFactor).findOne({ select: ['id', 'recoveryCodes'], where: { user: { id: userId }, confirmedAt: { $notNull: true } } }),
    listPasskeys(strapi, userId),
    signInSettings(strapi),
  ]);
  return {
    twoFactor: {
      enabled: requirement.enabled,
      enabledAt: requirement.enabledAt ? requirement.enabledAt.toISOString() : null,
      requiredBy: requirement.requiredBy,
      recoveryCodesLeft: twoFactor ? unusedRecoveryCodes(twoFactor.recoveryCodes) : 0,
    },
    passkeys,
    magicLinks: settings.magicLinks,
  };
};
