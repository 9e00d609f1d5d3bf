/**
 * Password reset (users-permissions) and the plugin's invitation routes. Used only by the portal
 * server. Signing in goes through the plugin's sign-in routes (sign-in.ts): the token a reset
 * returns is never used, so a second factor is asked for whenever the contact needs one.
 */
import {
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_LENGTH,
  type AcceptInvitationRequest,
  type LookupInvitationRequest,
} from '@clientia/shared/contracts/portal-invitations';
import type { PasswordResetRequest } from '@clientia/shared/contracts/sign-in';
import { strapiClient, StrapiError } from './strapi';

interface AuthAnswer {
  jwt: string;
  user: { id: number; email: string };
}

export interface InvitationDetails {
  email: string;
  name: string;
  clientName: string;
  expiresAt: string;
  /** The person already has a portal password (another client's contact): accepting takes none. */
  existingAccount: boolean;
}

export const requestPasswordReset = (email: string) =>
  strapiClient().call<{ data: { ok: boolean } }>('/api/clientia/password-resets', { method: 'POST', json: { email } satisfies PasswordResetRequest });

export const resetPassword = (code: string, password: string) =>
  strapiClient().call<AuthAnswer>('/api/auth/reset-password', {
    method: 'POST',
    json: { code, password, passwordConfirmation: password },
  });

export const lookupInvitation = async (token: string) =>
  (await strapiClient().call<{ data: InvitationDetails }>('/api/clientia/invitations/lookup', { method: 'POST', json: { token } satisfies LookupInvitationRequest }))
    .data;

/** `password` only for a new account; an existing one keeps its own (the API refuses one then). */
export const acceptInvitation = async (token: string, password?: string) =>
  (
    await strapiClient().call<{ data: { email: string } }>('/api/clientia/invitations/accept', {
      method: 'POST',
      json: { token, password } satisfies AcceptInvitationRequest,
    })
  ).data;

/** The field a 400 from Strapi names (`details.errors[0].path`), if it names one. */
export const fieldOf = (error: unknown): string | null => {
  if (!(error instanceof StrapiError)) return null;
  const list = (error.details?.details as { errors?: { path?: unknown[] }[] } | undefined)?.errors;
  const path = list?.[0]?.path;
  return Array.isArray(path) && path.length > 0 ? path.map(String).join('.') : null;
};

/** Passwords the portal accepts, by the API's own rule: what a contact can remember, and what bcrypt can hash. */
const PASSWORD_MIN = PASSWORD_MIN_LENGTH;
export const passwordProblem = (password: string): 'short' | 'long' | null => {
  if (password.length < PASSWORD_MIN) return 'short';
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return 'long';
  return null;
};
