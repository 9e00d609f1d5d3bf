/** The contact's sign-in sessions: one ended, all the others, or every one including this. */
import { field } from '../forms';
import { browserSessions, clearBrowserSessionCookie, endEveryBrowserSession } from '../browser-session';
import { backToAccount, badRequest, refusedWith, type AccountOutcome, type AccountPost } from './form';

type SessionsAction = 'session-end' | 'sessions-end-others' | 'sign-out-everywhere';

const endOne = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  const { api, browserSession } = page;
  const id = field(form, 'id', 100);
  if (!id || id === browserSession.data.signInSessionId) return badRequest();
  let known = true;
  try {
    await api.endSignInSession(id);
  } catch (error) {
    if (!refusedWith(error, 404)) return page.fail(error);
    known = false;
  }
  // The browser session standing on it goes at once: a copy of its cookie opens nothing more.
  await browserSessions().destroySignInSession(browserSession.data.userId, id);
  return backToAccount(
    post,
    { kind: known ? 'success' : 'error', key: known ? 'security.sessions.ended' : 'security.sessions.alreadyEnded' },
    '#sessions'
  );
};

const endOthers = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page } = post;
  try {
    await page.api.endOtherSignInSessions();
  } catch (error) {
    return page.fail(error);
  }
  await browserSessions().destroyOthers(page.browserSession.data.userId, page.browserSession.key);
  return backToAccount(post, { kind: 'success', key: 'security.sessions.othersEnded' }, '#sessions');
};

const signOutEverywhere = async ({ page, context }: AccountPost): Promise<AccountOutcome> => {
  try {
    await page.api.endAllSignInSessions();
  } catch {
    // Signed out here in any case; the API refuses these tokens once their sessions end.
  }
  await endEveryBrowserSession(context.locals, page.browserSession.data.userId);
  clearBrowserSessionCookie(context.cookies);
  return context.redirect('/sign-in?notice=signed-out-everywhere', 303);
};

export const handleSessions = async (post: AccountPost, action: SessionsAction): Promise<AccountOutcome> => {
  if (action === 'session-end') return endOne(post);
  return action === 'sessions-end-others' ? endOthers(post) : signOutEverywhere(post);
};
