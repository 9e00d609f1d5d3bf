/** The contact's sessions: one ended, all the others, or every one including this. */
import { field } from '../forms';
import { clearSessionCookie, sessions } from '../session';
import { backToAccount, badRequest, refusedWith, type AccountOutcome, type AccountPost } from './form';

export type SessionsAction = 'session-end' | 'sessions-end-others' | 'sign-out-everywhere';

const endOne = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  const { api, session } = page;
  const id = field(form, 'id', 100);
  if (!id || id === session.data.apiSessionId) return badRequest();
  let known = true;
  try {
    await api.endSession(id);
  } catch (error) {
    if (!refusedWith(error, 404)) return page.fail(error);
    known = false;
  }
  // The portal's own record for that session goes at once: a copy of its cookie opens nothing more.
  await sessions().destroyApiSession(session.data.userId, id);
  return backToAccount(
    post,
    { kind: known ? 'success' : 'error', key: known ? 'security.sessions.ended' : 'security.sessions.alreadyEnded' },
    '#sessions'
  );
};

const endOthers = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page } = post;
  try {
    await page.api.endOtherSessions();
  } catch (error) {
    return page.fail(error);
  }
  await sessions().destroyOthers(page.session.data.userId, page.session.key);
  return backToAccount(post, { kind: 'success', key: 'security.sessions.othersEnded' }, '#sessions');
};

const signOutEverywhere = async ({ page, context }: AccountPost): Promise<AccountOutcome> => {
  try {
    await page.api.endAllSessions();
  } catch {
    // Signed out here in any case; the API refuses these tokens once their sessions end.
  }
  await sessions().destroyAll(page.session.data.userId);
  clearSessionCookie(context.cookies);
  return context.redirect('/sign-in?notice=signed-out-everywhere', 303);
};

export const handleSessions = async (post: AccountPost, action: SessionsAction): Promise<AccountOutcome> => {
  if (action === 'session-end') return endOne(post);
  return action === 'sessions-end-others' ? endOthers(post) : signOutEverywhere(post);
};
