/**
 * Two-factor authentication on the account page: setting up an authenticator app, turning it
 * off, and new recovery codes. Only starting or cancelling a setup goes without a code.
 */
import type { MessageKey } from '../../i18n';
import type { PortalApi } from '../api';
import { accountCodeRefusal, proofOf, totpCode } from '../codes';
import { field } from '../forms';
import type { PortalPage } from '../portal-page';
import { browserSessions, flash, type Flash } from '../browser-session';
import { RECOVERY_CODES_PAGE } from '../sign-in-flow';
import { SIGN_IN_PER_ACCOUNT, throttle } from '../throttle';
import { backToAccount, refused, refusedWith, type AccountOutcome, type AccountPost } from './form';

/** Where the two-factor forms come back to. */
const SECTION = '/account#two-factor';

/** Turning two-factor off and renewing the recovery codes each ask for a code in their own field. */
export const CODE_FIELDS = { 'two-factor-disable': 'disableCode', 'recovery-codes-renew': 'renewCode' } as const;
export type CodeChange = keyof typeof CODE_FIELDS;

type TwoFactorAction = 'two-factor-start' | 'two-factor-cancel' | 'two-factor-confirm' | CodeChange;

/** Codes for two-factor settings: a few wrong ones per contact, then a pause (the API locks as well). */
const codeGuard = (page: PortalPage, fieldName: string) => {
  const guard = throttle();
  const subject = String(page.browserSession.data.userId);
  return {
    blocked: () => guard.isBlocked('account-code', subject, SIGN_IN_PER_ACCOUNT),
    throttled: () => refused(page, fieldName, 'signIn.code.throttled', 429),
    async failed(key: MessageKey) {
      await guard.fail('account-code', subject, SIGN_IN_PER_ACCOUNT);
      return refused(page, fieldName, key, 401);
    },
  };
};

/** Whether the API refused to turn two-factor off because it is required (409 says either that or "not on"). */
const twoFactorRequired = async (api: PortalApi) => {
  try {
    return (await api.security()).data.twoFactor.requiredBy !== null;
  } catch {
    return true;
  }
};

/** New recovery codes are shown once, on their own page, which then leads back here. */
const showRecoveryCodes = async ({ page, context }: AccountPost, codes: string[], message: Flash) => {
  page.browserSession.data.recoveryCodes = { codes, next: SECTION };
  page.browserSession.data.flash = message;
  await browserSessions().save(page.browserSession);
  return context.redirect(RECOVERY_CODES_PAGE, 303);
};

const start = async ({ page, context }: AccountPost): Promise<AccountOutcome> => {
  try {
    // Kept in the browser session until the first code confirms it: a mistyped code shows the same QR code again.
    page.browserSession.data.enrolment = (await page.api.startTwoFactor()).data;
    await browserSessions().save(page.browserSession);
  } catch (error) {
    if (!refusedWith(error, 409)) return page.fail(error);
    await flash(page.browserSession, { kind: 'error', key: 'security.twoFactor.alreadyOn' });
  }
  return context.redirect(SECTION, 303);
};

const cancel = async ({ page, context }: AccountPost): Promise<AccountOutcome> => {
  delete page.browserSession.data.enrolment;
  await browserSessions().save(page.browserSession);
  return context.redirect(SECTION, 303);
};

const confirm = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  const { browserSession } = page;
  const codes = codeGuard(page, 'setupCode');
  const code = totpCode(field(form, 'code', 100));
  if (!code) return refused(page, 'setupCode', 'signIn.code.invalid');
  if (await codes.blocked()) return codes.throttled();
  try {
    const { recoveryCodes } = (await page.api.confirmTwoFactor(code)).data;
    delete browserSession.data.enrolment;
    // This browser session has just proved the second factor.
    browserSession.data.secondFactor = 'totp';
    return await showRecoveryCodes(post, recoveryCodes, { kind: 'success', key: 'security.twoFactor.enabled' });
  } catch (error) {
    const refusal = accountCodeRefusal(error);
    if (refusal === 'wrong' || refusal === 'invalid') return codes.failed('security.setup.wrong');
    if (refusal === 'throttled') return codes.throttled();
    if (refusedWith(error, 409, 410, 404)) {
      // Nothing to confirm any more (enabled meanwhile, or the setup was replaced): start again.
      delete browserSession.data.enrolment;
      return backToAccount(post, { kind: 'error', key: 'security.setup.expired' }, '#two-factor');
    }
    return page.fail(error);
  }
};

/** Turning two-factor off and renewing the recovery codes take the same proof: a code of either kind. */
const changeWithCode = async (post: AccountPost, action: CodeChange): Promise<AccountOutcome> => {
  const { page, form } = post;
  const disabling = action === 'two-factor-disable';
  const fieldName = CODE_FIELDS[action];
  const codes = codeGuard(page, fieldName);
  const proof = proofOf(field(form, 'code', 100));
  if (!proof) return refused(page, fieldName, 'security.code.invalid');
  if (await codes.blocked()) return codes.throttled();
  try {
    if (disabling) {
      await page.api.disableTwoFactor(proof);
      return await backToAccount(post, { kind: 'success', key: 'security.twoFactor.disabled' }, '#two-factor');
    }
    const { recoveryCodes } = (await page.api.renewRecoveryCodes(proof)).data;
    return await showRecoveryCodes(post, recoveryCodes, { kind: 'success', key: 'security.recovery.renewed' });
  } catch (error) {
    const refusal = accountCodeRefusal(error);
    if (refusedWith(error, 409) && disabling && (await twoFactorRequired(page.api))) {
      return refused(page, fieldName, 'security.twoFactor.cannotDisable', 409);
    }
    if (refusedWith(error, 409)) {
      // Two-factor authentication was turned off meanwhile (from another device, or by staff).
      return backToAccount(post, { kind: 'error', key: 'security.twoFactor.notOn' }, '#two-factor');
    }
    if (refusal === 'wrong' || refusal === 'invalid') return codes.failed('security.code.wrong');
    if (refusal === 'throttled') return codes.throttled();
    return page.fail(error);
  }
};

export const handleTwoFactor = async (post: AccountPost, action: TwoFactorAction): Promise<AccountOutcome> => {
  switch (action) {
    case 'two-factor-start':
      return start(post);
    case 'two-factor-cancel':
      return cancel(post);
    case 'two-factor-confirm':
      return confirm(post);
    default:
      return changeWithCode(post, action);
  }
};
