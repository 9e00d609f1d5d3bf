import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';

/**
 * Writes the server makes on its own behalf (the signing flow, the billing job) run inside
 * `asSystem`. Some records (signature events, activity) accept no other writer.
 */
const systemWrites = new AsyncLocalStorage<true>();

export const asSystem = <T>(fn: () => Promise<T>): Promise<T> => systemWrites.run(true, fn);
export const isSystemWrite = () => systemWrites.getStore() === true;

export type Actor =
  | { type: 'staff'; id: number; label: string }
  | { type: 'contact'; id: number; label: string }
  | { type: 'system'; label: string };

interface RequestState {
  user?: { id: number; email?: string; firstname?: string; lastname?: string; username?: string };
  auth?: { strategy?: { name?: string } };
}

/** Who is behind the current write: the admin user, the portal contact, or the server itself. */
export const currentActor = (strapi: Core.Strapi): Actor => {
  if (isSystemWrite()) return { type: 'system', label: 'System' };
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  const state = ctx?.state;
  const user = state?.user;
  const strategy = state?.auth?.strategy?.name;
  if (user && strategy === 'admin') {
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
    return { type: 'staff', id: user.id, label: name || user.email || `Staff #${user.id}` };
  }
  if (user && strategy === 'users-permissions') {
    return { type: 'contact', id: user.id, label: user.username || user.email || `Contact #${user.id}` };
  }
  return { type: 'system', label: 'System' };
};
