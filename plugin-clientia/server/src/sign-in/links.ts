import type { Core } from '@strapi/strapi';

import type { SignInStep } from '../../../shared/contracts/sign-in';
import { fieldRefusal, refusal } from '../domain/errors';
import { queueEmail } from '../email';
import { STRAPI_UID, UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { records, lockRow } from '../repositories/records';
import { relation, text, textOrNull, type Row } from '../repositories/rows';
import { recordSignInEvent } from './activity';
import { hashToken, passwordStamp, randomToken, sameSecret } from './crypto';
import { portalOrigin, requestContext, type SignInHttpContext } from './request';
import { isPortalClient } from './requirement';
import { signInSettings } from './settings';
import { afterFirstFactor } from './steps';
import { ACTIVE_MEMBERSHIP } from '../repositories/memberships';

/** How long a sign-in link works. */
const LINK_TTL_MS = 15 * 60_000;
/** One link email per account in this window, however often the form is sent. */
const LINK_RESEND_AFTER_MS = 60_000;
/** The portal page the link opens; it posts the token to `POST /sign-in/links/redeem`. */
const SIGN_IN_LINK_PATH = '/sign-in/link';
/** Used links are kept this long (to answer a second click with "used"), then removed. */
const KEEP_USED_MS = 24 * 60 * 60_000;

const LINK_GONE = 'This sign-in link does not work any more: it was used, it expired or a newer one was sent. Ask for a new link.';

interface ManyWrites {
  updateMany(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
}

const links = (strapi: Core.Strapi) => strapi.db.query(UID.signInLink as never) as unknown as ManyWrites;

/** Refused with 403 naming `email` when the firm has turned sign-in links off. */
export const assertLinksOn = async (strapi: Core.Strapi) => {
  if (!(await signInSettings(strapi)).magicLinks) {
    throw refusal(403, 'Sign-in links are turned off for this portal; sign in with your password.', {
      errors: [{ path: ['email'], message: 'sign-in links are turned off for this portal', name: 'ForbiddenError' }],
    });
  }
};

/** The account and the membership whose language the email is written in; null for anyone who gets no link. */
const recipientOf = async (strapi: Core.Strapi, email: string) => {
  const user = await records(strapi, STRAPI_UID.user).findOne({ select: ['id', 'documentId', 'email', 'username', 'blocked'], where: { email, provider: 'local' } });
  if (!user || user.blocked === true) return null;
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id', 'name', 'language'],
    where: { user: { id: user.id }, ...ACTIVE_MEMBERSHIP },
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
  const origin = await portalOrigin(strapi);
  const token = randomToken();
  const tokenHash = hashToken(token);
  const now = new Date();

  const sent = (await strapi.db.transaction(async ({ trx }) => {
    await lockRow(strapi, trx, strapi.db.metadata.get(STRAPI_UID.user as never).tableName, userId);
    const recent = await records(strapi, UID.signInLink).count({ where: { user: { id: userId }, createdAt: { $gt: new Date(now.getTime() - LINK_RESEND_AFTER_MS) } } });
    if (recent > 0) return false;
    const account = await records(strapi, STRAPI_UID.user).findOne({ select: ['id', 'password'], where: { id: userId } });
    const earlier = await records(strapi, UID.signInLink).findMany({
      select: ['id', 'usedAt', 'createdAt'],
      where: { user: { id: userId }, $or: [{ usedAt: null }, { usedAt: { $lt: new Date(now.getTime() - KEEP_USED_MS) } }] },
    });
    for (const row of earlier) await strapi.db.query(UID.signInLink as never).delete({ where: { id: row.id } });
    await strapi.db.query(UID.signInLink as never).create({
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
  if (!(await signInSettings(strapi)).magicLinks) throw fieldRefusal(410, 'token', LINK_GONE);
  const now = new Date();
  const row = await records(strapi, UID.signInLink).findOne({
    select: ['id', 'passwordStamp', 'expiresAt', 'usedAt'],
    where: { tokenHash: hashToken(token) },
    populate: { user: { select: ['id', 'password', 'blocked'] } },
  });
  const user = row ? relation(row, 'user') : null;
  if (!row || !user) throw fieldRefusal(410, 'token', LINK_GONE);
  const userId = Number(user.id);

  const refuse = async (reason: string): Promise<never> => {
    const { ip, userAgent } = requestContext(ctx, strapi);
    await recordSignInEvent(strapi, { userId, verb: 'sign-in-failed', details: { method: 'link', secondFactor: null, ip, userAgent, reason } });
    throw fieldRefusal(410, 'token', LINK_GONE);
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
    where: { user: { id: userId }, ...ACTIVE_MEMBERSHIP },
    populate: { client: { select: ['id', 'portalEnabled', 'state'] } },
  });
  if (!memberships.some((membership) => isPortalClient(relation(membership, 'client')))) {
    throw refusal(403, 'This account has no client portal access');
  }
  return afterFirstFactor(strapi, ctx, { userId, method: 'link' });
};
