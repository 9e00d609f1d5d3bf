import type { InviteContactRequest, PortalRole } from '../../../../shared/contracts/admin';

export const PORTAL_ROLES: readonly PortalRole[] = ['owner', 'admin', 'billing', 'member'];

export interface InviteDraft {
  name: string;
  email: string;
  role: string;
  signatory: boolean;
}

export type InviteField = 'name' | 'email' | 'role';
export type InviteProblem = 'required' | 'invalidEmail' | 'tooLong' | 'invalidRole';
export type InviteErrors = Partial<Record<InviteField, InviteProblem>>;

export const EMPTY_INVITE: InviteDraft = { name: '', email: '', role: '', signatory: false };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isPortalRole = (role: string): role is PortalRole => (PORTAL_ROLES as readonly string[]).includes(role);

/** Either the request to send, or what the staff member has to correct first. */
export const checkInvite = (
  draft: InviteDraft
): { ok: true; request: InviteContactRequest } | { ok: false; errors: InviteErrors } => {
  const errors: InviteErrors = {};
  const name = draft.name.trim();
  const email = draft.email.trim();

  if (!name) errors.name = 'required';
  else if (name.length > 200) errors.name = 'tooLong';

  if (!email) errors.email = 'required';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'invalidEmail';

  if (!draft.role) errors.role = 'required';
  else if (!isPortalRole(draft.role)) errors.role = 'invalidRole';

  if (Object.keys(errors).length > 0 || !isPortalRole(draft.role)) return { ok: false, errors };
  return { ok: true, request: { name, email, role: draft.role, signatory: draft.signatory } };
};
