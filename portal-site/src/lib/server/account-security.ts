/**
 * The account page's sign-in security, as plain functions: passkey names, how a session was
 * opened in words, and the order sessions are listed in.
 */
import type { SignInSessionSummary, SecondFactor, SignInMethod } from '@clientia/shared/contracts/sign-in';
import type { MessageKey } from '../i18n';
import { PASSKEY_NAME_MAX } from '@clientia/shared/contracts/sign-in';

/** As the API stores it. */
export { PASSKEY_NAME_MAX };
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export const passkeyNameProblem = (name: string): MessageKey | null => {
  if (!name) return 'security.passkeys.nameMissing';
  if ([...name].length > PASSKEY_NAME_MAX) return 'security.passkeys.nameLong';
  if (CONTROL.test(name)) return 'security.passkeys.nameInvalid';
  return null;
};

const METHOD_KEYS: Record<SignInMethod, Record<SecondFactor, MessageKey>> = {
  password: {
    none: 'security.sessions.method.password',
    totp: 'security.sessions.method.password-totp',
    'recovery-code': 'security.sessions.method.password-recovery-code',
  },
  link: {
    none: 'security.sessions.method.link',
    totp: 'security.sessions.method.link-totp',
    'recovery-code': 'security.sessions.method.link-recovery-code',
  },
  passkey: {
    none: 'security.sessions.method.passkey',
    totp: 'security.sessions.method.passkey',
    'recovery-code': 'security.sessions.method.passkey',
  },
};

/** "Password and authenticator code", "Passkey"...: how the contact proved who they are. */
export const sessionMethodKey = (session: Pick<SignInSessionSummary, 'method' | 'secondFactor'>): MessageKey =>
  METHOD_KEYS[session.method]?.[session.secondFactor] ?? METHOD_KEYS[session.method]?.none ?? 'security.sessions.method.password';

/** This device first, then the most recently used. */
export const orderSessions = <T extends Pick<SignInSessionSummary, 'current' | 'lastSeenAt'>>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => Number(b.current) - Number(a.current) || Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt));
