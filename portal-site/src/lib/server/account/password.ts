/** A new password, chosen on the account page with the current one. */
import { fieldOf, passwordProblem } from '../auth';
import { clientIp, secretField } from '../forms';
import { browserHeaders } from '../forwarded';
import { endEveryBrowserSession, flash, openBrowserSession } from '../browser-session';
import { SIGN_IN_PER_ACCOUNT, throttle } from '../throttle';
import { refused, refusedWith, type AccountOutcome, type AccountPost } from './form';

export const handlePassword = async ({ page, context, form }: AccountPost): Promise<AccountOutcome> => {
  const { api, browserSession } = page;
  const userId = browserSession.data.userId;
  const current = secretField(form, 'currentPassword');
  const next = secretField(form, 'newPassword');
  const repeated = secretField(form, 'confirmPassword');
  const problem = passwordProblem(next);
  const guard = throttle();
  const subject = String(userId);

  if (!current) return refused(page, 'currentPassword', 'account.password.currentMissing');
  if (problem) return refused(page, 'newPassword', problem === 'short' ? 'auth.password.short' : 'auth.password.long');
  if (next !== repeated) return refused(page, 'confirmPassword', 'auth.password.mismatch');
  if (next === current) return refused(page, 'newPassword', 'account.password.same');
  if (await guard.isBlocked('change-password', subject, SIGN_IN_PER_ACCOUNT)) return refused(page, 'currentPassword', 'auth.signIn.throttled', 429);
  try {
    const browser = browserHeaders({ clientAddress: clientIp(context), userAgent: context.request.headers.get('user-agent') });
    const answer = (await api.changePassword(current, next, browser)).data;
    await guard.clear('change-password', subject);
    // A new password ends every browser session, including ones someone else may have opened;
    // this browser goes on in a fresh one with the token the API issued for the new password.
    await endEveryBrowserSession(context.locals, userId);
    const { email, clientId, locale, userAgent, ip } = browserSession.data;
    const fresh = await openBrowserSession(context.cookies, await context.locals.browserSession(), {
      userId,
      email,
      jwt: answer.jwt,
      clientId,
      locale,
      method: answer.session.method,
      secondFactor: answer.session.secondFactor,
      signInSessionId: answer.session.id,
      userAgent,
      ip,
    });
    await flash(fresh, { kind: 'success', key: 'account.password.changed' });
    return context.redirect('/account', 303);
  } catch (error) {
    const named = fieldOf(error);
    if (refusedWith(error, 400, 401) && named === 'password') return refused(page, 'newPassword', 'account.password.rejected');
    if (refusedWith(error, 400) || (refusedWith(error, 401) && named === 'currentPassword')) {
      await guard.fail('change-password', subject, SIGN_IN_PER_ACCOUNT);
      return refused(page, 'currentPassword', 'account.password.currentWrong');
    }
    if (refusedWith(error, 429)) return refused(page, 'currentPassword', 'auth.signIn.throttled', 429);
    return page.fail(error);
  }
};
