import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { queueEmail } from '../email';
import { RESET_PASSWORD_PATH } from './account-emails';
import { STRAPI_UID, UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { relation, text, textOrNull, type Row } from '../repositories/rows';
import { records } from '../repositories/records';
import { ACTIVE_MEMBERSHIP } from '../repositories/memberships';
import { clearResetCode, hashedResetCode, resetCodeTag, storedResetCodes } from './reset-codes';

/** One reset email per account in this window, however often the form is sent. */
const RESEND_AFTER_MS = 60_000;

/**
 * A password reset for a portal account, by email in the contact's language and the firm's brand,
 * through the outbox. The reset itself stays users-permissions' own (`/api/auth/reset-password`
 * with the code), so the code is the one it checks. Whether the address has an account is never
 * told: the caller gets the same answer either way.
 */
export const requestPasswordReset = async (strapi: Core.Strapi, email: string) => {
  const user = await records(strapi, STRAPI_UID.user).findOne({ select: ['id', 'documentId', 'email', 'username', 'blocked'], where: { email } });
  if (!user || user.blocked === true) return;
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id', 'name', 'language'],
    where: { user: { id: user.id }, ...ACTIVE_MEMBERSHIP },
    populate: { client: { select: ['preferredLocale', 'portalEnabled'] } },
    orderBy: { id: 'asc' },
  });
  const membership = memberships.find((row: Row) => relation(row, 'client')?.portalEnabled === true) ?? null;
  // Staff and other accounts without a portal client are not reset from the portal.
  if (!membership) return;
  const recent = await records(strapi, UID.outboundEmail).count({
    where: { kind: 'password_reset', to: text(user.email), createdAt: { $gt: new Date(Date.now() - RESEND_AFTER_MS) } },
  });
  if (recent > 0) return;

  const code = randomBytes(64).toString('hex');
  const resetUrl = `${pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '')}${RESET_PASSWORD_PATH}?code=${code}`;
  await strapi.db.transaction(async () => {
    // Stored as its hash (reset-codes.ts); the email is the only place the code itself goes.
    await records(strapi, STRAPI_UID.user).update({ where: { id: user.id }, data: { resetPasswordToken: code } });
    await queueEmail(strapi, {
      kind: 'password_reset',
      to: {
        email: text(user.email),
        name: textOrNull(membership.name) ?? textOrNull(user.username),
        locale: textOrNull(membership.language) ?? textOrNull(relation(membership, 'client')?.preferredLocale) ?? pluginConfig(strapi, 'defaultLocale'),
      },
      vars: { resetUrl },
      dedupeKey: `password_reset:${text(user.documentId)}:${resetCodeTag(hashedResetCode(code))}`,
    });
  });
};

/** How long a reset link works. users-permissions keeps a code until it is used; this ends it. */
export const RESET_CODE_TTL_MS = 60 * 60_000;

/**
 * Clears the reset codes this plugin issued more than an hour ago and nobody used. A code's age is
 * the age of the email that carried it (its dedupe key names the start of the code's hash); codes
 * users-permissions issued by its own route are left to it.
 */
export const expireResetCodes = async (strapi: Core.Strapi, now = new Date()): Promise<number> => {
  let expired = 0;
  for (const code of await storedResetCodes(strapi)) {
    const email = await records(strapi, UID.outboundEmail).findOne({
      select: ['id', 'createdAt'],
      where: { kind: 'password_reset', dedupeKey: `password_reset:${code.documentId}:${resetCodeTag(code.stored)}` },
    });
    if (!email || new Date(email.createdAt as string).getTime() > now.getTime() - RESET_CODE_TTL_MS) continue;
    if (await clearResetCode(strapi, code)) expired += 1;
  }
  return expired;
};
