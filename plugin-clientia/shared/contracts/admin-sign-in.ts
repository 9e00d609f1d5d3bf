/**
 * Admin API for how contacts sign in (`/clientia/...`, admin JWT, the plugin's RBAC actions):
 * the firm's portal-wide sign-in settings, and each client's contacts' sign-in security.
 */
import { z } from 'zod';

import { flag } from './fields';

/** GET /clientia/settings/sign-in (read action), PUT (settings action). */
export interface AdminSignInSettings {
  /** Contacts may ask for a sign-in link by email. */
  magicLinks: boolean;
  /** Every contact of every client must use two-factor authentication. */
  requireTwoFactor: boolean;
}
export interface GetSignInSettingsResponse { data: AdminSignInSettings }
/** Fields left out keep their value. */
export const updateSignInSettingsRequest = z.strictObject({ magicLinks: flag().optional(), requireTwoFactor: flag().optional() });
export type UpdateSignInSettingsRequest = z.infer<typeof updateSignInSettingsRequest>;

/** One contact's sign-in security, by membership (the id the client page knows the contact by). */
export interface ContactSignInSecurity {
  membershipId: string;
  twoFactor: {
    /** An authenticator app is set up and confirmed. */
    enabled: boolean;
    enabledAt: string | null;
  };
  passkeys: number;
  /** Portal sessions that have neither ended nor expired. */
  activeSessions: number;
}

/** GET /clientia/clients/:documentId/sign-in (read action). */
export interface ClientSignInSecurity {
  /** Every contact of this client must use two-factor authentication. */
  requireTwoFactor: boolean;
  /** The firm requires it for the whole portal (Settings → Clientia → Sign-in), whatever this client's switch says. */
  portalRequiresTwoFactor: boolean;
  contacts: ContactSignInSecurity[];
}
export interface GetClientSignInResponse { data: ClientSignInSecurity }

/** PUT /clientia/clients/:documentId/sign-in (records action); answers like GET. */
export const updateClientSignInRequest = z.strictObject({
  requireTwoFactor: z.boolean({ error: (issue) => (issue.input === undefined ? 'is required: true or false' : 'must be true or false') }),
});
export type UpdateClientSignInRequest = z.infer<typeof updateClientSignInRequest>;

/**
 * POST /clientia/clients/:documentId/contacts/:membershipId/two-factor/reset (records action), no
 * body: removes the contact's authenticator app and recovery codes and ends all their portal sessions.
 */
export interface ResetTwoFactorResponse { data: { contact: ContactSignInSecurity; sessionsEnded: number } }
