/**
 * The account page's server side: the forms its sections post, each answered by the module of
 * its settings, and what the sections show.
 */
import type { PortalPreferences } from '@clientia/shared/contracts/portal-preferences';
import type { SignInSessionSummary, SecurityOverview } from '@clientia/shared/contracts/sign-in';
import { field, readForm } from '../forms';
import type { PortalPage } from '../portal-page';
import { badRequest, type AccountOutcome, type AccountPost } from './form';
import { handlePasskeys } from './passkeys';
import { handlePassword } from './password';
import { handlePreferences } from './preferences';
import { handleProfile } from './profile';
import { handleSessions } from './sessions';
import { handleTwoFactor } from './two-factor';

/** A form of the account page, by the action it names; an action no form has is refused. */
export const handleAccountPost = async (context: AccountPost['context'], page: PortalPage): Promise<AccountOutcome> => {
  const form = await readForm(context.request);
  if (!form) return badRequest();
  const post: AccountPost = { page, context, form };
  const action = field(form, 'action', 40);
  switch (action) {
    case 'profile':
      return handleProfile(post);
    case 'language':
    case 'notifications':
      return handlePreferences(post, action);
    case 'password':
      return handlePassword(post);
    case 'two-factor-start':
    case 'two-factor-cancel':
    case 'two-factor-confirm':
    case 'two-factor-disable':
    case 'recovery-codes-renew':
      return handleTwoFactor(post, action);
    case 'passkey-rename':
    case 'passkey-remove':
      return handlePasskeys(post, action);
    case 'session-end':
    case 'sessions-end-others':
    case 'sign-out-everywhere':
      return handleSessions(post, action);
    default:
      return badRequest();
  }
};

interface AccountData {
  /** Null for a role that may not choose preferences. */
  preferences: PortalPreferences | null;
  security: SecurityOverview;
  signInSessions: SignInSessionSummary[];
}

/** What the sections show, asked for together; after a refused form, as it stands now. */
export const loadAccount = async (page: PortalPage): Promise<AccountData | Response> => {
  const { api } = page;
  try {
    const [preferences, security, signInSessions] = await Promise.all([
      page.can('preferences') ? api.preferences().then((answer) => answer.data) : Promise.resolve(null),
      api.security().then((answer) => answer.data),
      api.signInSessions().then((answer) => answer.data),
    ]);
    return { preferences, security, signInSessions };
  } catch (error) {
    return page.fail(error);
  }
};
