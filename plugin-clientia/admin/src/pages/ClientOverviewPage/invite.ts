import { inviteContactRequest, type InviteContactRequest } from '../../../../shared/contracts/admin';

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

/** What a field refused by the server's rule says when it is not empty. */
const FORMAT_PROBLEM: Record<InviteField, InviteProblem> = { name: 'tooLong', email: 'invalidEmail', role: 'invalidRole' };

/**
 * Either the request to send, or what the staff member has to correct first, checked with the
 * rules the server applies to the same request (`inviteContactRequest`).
 */
export const checkInvite = (
  draft: InviteDraft
): { ok: true; request: InviteContactRequest } | { ok: false; errors: InviteErrors } => {
  const result = inviteContactRequest.safeParse(draft);
  if (result.success) return { ok: true, request: result.data };
  const errors: InviteErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as InviteField;
    if (!(field in FORMAT_PROBLEM) || errors[field]) continue;
    errors[field] = !draft[field].trim() ? 'required' : issue.code === 'too_big' ? 'tooLong' : FORMAT_PROBLEM[field];
  }
  return { ok: false, errors };
};
