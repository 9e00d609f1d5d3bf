import { useMemo } from 'react';
import { useRBAC } from '@strapi/strapi/admin';

import type { ClientiaAction } from '../permissions';

/**
 * One action at a time: useRBAC names its answers after the action's last segment, and
 * `records.manage` and `settings.manage` would both become `canManage`.
 */
export const usePermission = (action: ClientiaAction) => {
  const permissions = useMemo(() => [{ action, subject: null }], [action]);
  const { allowedActions, isLoading } = useRBAC(permissions);
  return { allowed: !isLoading && Object.values(allowedActions).some(Boolean), isLoading };
};
