import { useEffect, useState } from 'react';
import { useAuth } from '@strapi/strapi/admin';

import type { ClientiaAction } from '../permissions';

/**
 * Whether the signed-in staff member holds one of the plugin's actions, asked again whenever the
 * admin's record of their permissions changes. Strapi's `useRBAC` asks once, when the page mounts,
 * and not again when the permissions arrive: a page opened straight after signing in, before the
 * admin has fetched them, would say "not allowed" until it is opened again. Until the first answer
 * `isLoading` is true; a later check keeps the last answer meanwhile, so nothing flickers.
 */
export const usePermission = (action: ClientiaAction) => {
  const isLoadingAuth = useAuth('usePermission', (auth) => auth.isLoading);
  const check = useAuth('usePermission', (auth) => auth.checkUserHasPermissions);
  const [answer, setAnswer] = useState<{ action: ClientiaAction; allowed: boolean } | null>(null);

  useEffect(() => {
    if (isLoadingAuth) return undefined;
    let current = true;
    const settle = (allowed: boolean) => {
      if (current) setAnswer({ action, allowed });
    };
    check([{ action, subject: null }]).then(
      (granted) => settle(granted.length > 0),
      () => settle(false)
    );
    return () => {
      current = false;
    };
  }, [action, check, isLoadingAuth]);

  const settled = !isLoadingAuth && answer?.action === action;
  return { allowed: settled && answer.allowed, isLoading: !settled };
};
