import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { Capability } from '../../../shared/contracts/portal';
import { resolvePortalContext } from '../portal/context';

/**
 * Every portal route states the capability it needs; this policy resolves the caller's client
 * and role first and refuses what the role may not do.
 */
const portal = async (
  policyContext: Parameters<typeof resolvePortalContext>[1],
  config: { capability?: Capability },
  { strapi }: { strapi: Core.Strapi }
) => {
  if (!config?.capability) throw new errors.PolicyError('portal route without a capability');
  const context = await resolvePortalContext(strapi, policyContext);
  if (!context.capabilities.has(config.capability)) {
    throw new errors.ForbiddenError(`Your role (${context.membership.role}) may not do this for ${context.client.name}`);
  }
  policyContext.state.portal = context;
  return true;
};

export default portal;
