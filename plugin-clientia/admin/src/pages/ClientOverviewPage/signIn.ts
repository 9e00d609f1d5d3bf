import type { ClientOverview } from '../../../../shared/contracts/admin';
import type { ClientSignInSecurity, ContactSignInSecurity } from '../../../../shared/contracts/admin-sign-in';

export type Contact = ClientOverview['contacts'][number];

/** What the contacts tab needs to show and change how the client's contacts sign in. */
export interface ContactSignInControls {
  /** Null until it has loaded, or when it could not be loaded (`failed`). */
  security: ClientSignInSecurity | null;
  failed: boolean;
  /** Staff with the records permission may change the rule and reset a contact's two-factor. */
  canManage: boolean;
  onRequireTwoFactor: (required: boolean) => Promise<void>;
  onResetTwoFactor: (contact: Contact) => Promise<void>;
}

export const securityByMembership = (security: ClientSignInSecurity | null) =>
  new Map((security?.contacts ?? []).map((contact) => [contact.membershipId, contact]));

/** The client's security with one contact's answer from a reset put in place. */
export const withContact = (security: ClientSignInSecurity, contact: ContactSignInSecurity): ClientSignInSecurity => ({
  ...security,
  contacts: security.contacts.map((current) => (current.membershipId === contact.membershipId ? contact : current)),
});

/** Who requires two-factor for this client's contacts: the firm for the whole portal, this client, or nobody. */
export const twoFactorRequiredBy = (security: ClientSignInSecurity | null): 'portal' | 'client' | null =>
  security?.portalRequiresTwoFactor ? 'portal' : security?.requireTwoFactor ? 'client' : null;
