import type { Core } from '@strapi/strapi';

import type { SignInStep } from '../../../shared/contracts/sign-in';
import { assertBodyKeys, readEmail } from '../controllers/validation';
import { fieldError } from '../domain/errors';
import { queueEmail } from '../email';
import { lockRow, UID } from '../rules/helpers';
import { pluginConfig } from '../rules/settings';
import { records } from '../services/records';
import { relation, text, textOrNull, type Row } from '../serializers/values';
import { recordSignInEvent } from './activity';
import { hashToken, passwordStamp, randomToken, sameSecret } from './crypto';
import { publicError } from './http-errors';
import { portalOrigin, requestContext, type SignInHttpContext } from './request';
import { isPortalClient } from './requirement';
import { signInSettings } from './settings';
import { afterFirstFactor } from './steps';
import { SignInRefusal } from './two-factor-refusal';

export const LINK_UID = 'plugin::clientia.sign-in-link';
const USER_UID = 'plugin::users-permissions.user';

/** How long a sign-in link works. */
export const LINK_TTL_MS = 15 * 60_000;
/** One link email per account in this window, however often the form is sent. */
export const LINK_RESEND_AFTER_MS = 60_000;
/** The portal page the link opens; it posts the token to `POST /sign-in/links/redeem`. */
export const SIGN_IN_LINK_PATH = '/sign-in/link';
/** Used links are kept this long (to answer a second click with "used"), then removed. */
const KEEP_USED_MS = 24 * 60 * 60_000;

export const LINK_GONE = 'This sign-in link does not work any more: it was used, it expired or a newer one was sent. Ask for a new link.';

/** `randomToken()`: 32 bytes as base64url. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface ManyWrites {
  updateMany(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
}

const links = (strapi: Core.Strapi) => strapi.db.query(LINK_UID as never) as unknown as ManyWrites;

export const readLinkRequest = (body: unknown): string => readEmail(assertBodyKeys(body, ['email']), 'email');

export const readLinkRedemption = (body: unknown): string => {
  const token = assertBodyKeys(body, ['token']).token;
  if (typeof token !== 'string' || !token) throw fieldError('token', 'is required: the code at the end of the sign-in link');
  if (!LINK_TOKEN.test(token)) throw fieldError('token', 'is not a sign-in link code; copy the whole link from the email');
  return token;
};

/** Refused with 403 naming `email` when the firm has turned sign-in links off. */
export const assertLinksOn = async (strapi: Core.Strapi) => {
  if (!(await signInSettings(strapi)).magicLinks) {
    throw publicError(403, 'Sign-in links are turned off for this portal; sign in with your password.', {
      errors: [{ path: ['email'], message: 'sign-in links are turned off for this portal', name: 'ForbiddenError' }],
    });
  }
};

/** The account and the membership whose language the email is written in; null for anyone who gets no link. */
const recipientOf = async (strapi: Core.Strapi, email: string) => {
  const user = await records(strapi, USER_UID).findOne({ select: ['id', 'documentId', 'email', 'username', 'blocked'], where: { email, provider: 'local' } });
  if (!user || user.blocked === true) return null;
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id', 'name', 'language'],
    where: { user: { id: user.id } },
    populate: { client: { select: ['id', 'preferredLocale', 'portalEnabled', 'state'] } },
    orderBy: { id: 'asc' },
  });
  // Staff and accounts without a portal client get nothing, exactly like unknown addresses.
  const membership = memberships.find((row: Row) => isPortalClient(relation(row, 'client')));
  return membership ? { user, membership } : null;
};

/**
 * Emails a sign-in link when the address belongs to a contact who may use the portal, at most
 * once a minute; the caller answers the same whatever happens here. Issuing a link deletes the
 * account's earlier unused ones, and the account's row lock keeps two requests at the same moment
 * from both sending one.
 */
export const requestSignInLink = async (strapi: Core.Strapi, ctx: SignInHttpContext, email: string): Promise<void> => {
  const recipient = await recipientOf(strapi, email);
  if (!recipient) return;
  const { user, membership } = recipient;
  const userId = Number(user.id);
  const { ip, userAgent } = requestContext(ctx, strapi);
  const origin = await portalOrigin(strapi, ctx);
  const token = randomToken();
  const tokenHash = hashToken(token);
  const now = new Date();

  const sent = (await strapi.db.transaction(async ({ trx }) => {
    await lockRow(strapi, trx, strapi.db.metadata.get(USER_UID as never).tableName, userId);
    const recent = await records(strapi, LINK_UID).count({ where: { user: { id: userId }, createdAt: { $gt: new Date(now.getTime() - LINK_RESEND_AFTER_MS) } } });
    if (recent > 0) return false;
    const account = await records(strapi, USER_UID).findOne({ select: ['id', 'password'], where: { id: userId } });
    const earlier = await records(strapi, LINK_UID).findMany({
      select: ['id', 'usedAt', 'createdAt'],
      where: { user: { id: userId }, $or: [{ usedAt: null }, { usedAt: { $lt: new Date(now.getTime() - KEEP_USED_MS) } }] },
    });
    for (const row of earlier) await strapi.db.query(LINK_UID as never).delete({ where: { id: row.id } });
    await strapi.db.query(LINK_UID as never).create({
      data: {
        user: userId,
        tokenHash,
        passwordStamp: passwordStamp(typeof account?.password === 'string' ? account.password : null),
        expiresAt: new Date(now.getTime() + LINK_TTL_MS),
        usedAt: null,
        requestedFrom: ip ? ip.slice(0, 64) : null,
      } as never,
    });
    await queueEmail(strapi, {
      kind: 'sign_in_link',
      to: {
        email: text(user.email),
        name: textOrNull(membership.name) ?? textOrNull(user.username),
        locale: textOrNull(membership.language) ?? textOrNull(relation(membership, 'client')?.preferredLocale) ?? pluginConfig(strapi, 'defaultLocale'),
      },
      vars: { signInUrl: `${origin}${SIGN_IN_LINK_PATH}?token=${token}` },
      dedupeKey: `sign_in_link:${text(user.documentId)}:${tokenHash.slice(0, 16)}`,
    });
    return true;
  })) as boolean;

  if (sent) await recordSignInEvent(strapi, { userId, verb: 'sign-in-link-sent', details: { method: 'link', ip, userAgent } });
};

/**
 * Spends a sign-in link and goes on as after a right password. The link is spent by one
 * conditional write (unused and unexpired), so of two clicks racing only one gets past it; a link
 * made under an earlier password is refused like a used one.
 */
export const redeemSignInLink = async (strapi: Core.Strapi, ctx: SignInHttpContext, token: string): Promise<SignInStep> => {
  // Turning links off ends the ones already sent, too.
  if (!(await signInSettings(strapi)).magicLinks) throw new SignInRefusal(410, LINK_GONE, 'token');
  const now = new Date();
  const row = await records(strapi, LINK_UID).findOne({
    select: ['id', 'passwordStamp', 'expiresAt', 'usedAt'],
    where: { tokenHash: hashToken(token) },
    populate: { user: { select: ['id', 'password', 'blocked'] } },
  });
  const user = row ? relation(row, 'user') : null;
  if (!row || !user) throw new SignInRefusal(410, LINK_GONE, 'token');
  const userId = Number(user.id);

  const refuse = async (reason: string): Promise<never> => {
    const { ip, userAgent } = requestContext(ctx, strapi);
    await recordSignInEvent(strapi, { userId, verb: 'sign-in-failed', details: { method: 'link', secondFactor: null, ip, userAgent, reason } });
    throw new SignInRefusal(410, LINK_GONE, 'token');
  };

  const { count } = await links(strapi).updateMany({
    where: { id: Number(row.id), usedAt: null, expiresAt: { $gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return refuse(row.usedAt ? 'link-used' : 'link-expired');
  if (!sameSecret(text(row.passwordStamp), passwordStamp(typeof user.password === 'string' ? user.password : null))) return refuse('link-password-changed');
  if (user.blocked === true) return refuse('blocked');
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id'],
    where: { user: { id: userId } },
    populate: { client: { select: ['id', 'portalEnabled', 'state'] } },
  });
  if (!memberships.some((membership) => isPortalClient(relation(membership, 'client')))) {
    throw publicError(403, 'This account has no client portal access');
  }
  return afterFirstFactor(strapi, ctx, { userId, method: 'link' });
};
