import { act, renderHook, waitFor } from '@testing-library/react';

import { ACTIONS } from '../permissions';
import { usePermission } from './usePermission';

/** The admin's auth state as the hook reads it: loading, then the staff member's permissions. */
interface Auth {
  isLoading: boolean;
  checkUserHasPermissions: (permissions: { action: string }[]) => Promise<{ action: string }[]>;
}

let auth: Auth;

jest.mock('@strapi/strapi/admin', () => ({
  useAuth: (_consumer: string, select: (value: Auth) => unknown) => select(auth),
}));

/** The admin's check against a permission list: what it holds of what was asked. */
const holding = (held: string[]) => async (asked: { action: string }[]) => asked.filter((permission) => held.includes(permission.action));

describe('usePermission', () => {
  it('asks again once the admin has fetched the permissions, instead of keeping the answer given before', async () => {
    // Opened straight after signing in: the admin has not fetched the permissions yet.
    auth = { isLoading: true, checkUserHasPermissions: holding([]) };
    const { result, rerender } = renderHook(() => usePermission(ACTIONS.manageRecords));
    expect(result.current).toEqual({ allowed: false, isLoading: true });

    auth = { isLoading: false, checkUserHasPermissions: holding([ACTIONS.read, ACTIONS.manageRecords]) };
    rerender();
    await waitFor(() => expect(result.current).toEqual({ allowed: true, isLoading: false }));
  });

  it('says not allowed when the staff member lacks the action, or the check fails', async () => {
    auth = { isLoading: false, checkUserHasPermissions: holding([ACTIONS.read]) };
    const { result, rerender } = renderHook(() => usePermission(ACTIONS.manageBilling));
    await waitFor(() => expect(result.current).toEqual({ allowed: false, isLoading: false }));

    auth = { isLoading: false, checkUserHasPermissions: () => Promise.reject(new Error('offline')) };
    rerender();
    await act(async () => undefined);
    expect(result.current).toEqual({ allowed: false, isLoading: false });
  });

  it('keeps its last answer while asking again, so the page does not flicker', async () => {
    auth = { isLoading: false, checkUserHasPermissions: holding([ACTIONS.manageRecords]) };
    const { result, rerender } = renderHook(() => usePermission(ACTIONS.manageRecords));
    await waitFor(() => expect(result.current.allowed).toBe(true));

    let answer: (granted: { action: string }[]) => void = () => undefined;
    auth = { isLoading: false, checkUserHasPermissions: () => new Promise((resolve) => (answer = resolve)) };
    rerender();
    expect(result.current).toEqual({ allowed: true, isLoading: false });
    await act(async () => answer([]));
    expect(result.current).toEqual({ allowed: false, isLoading: false });
  });
});
