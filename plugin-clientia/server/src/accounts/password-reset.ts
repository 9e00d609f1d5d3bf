import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { fieldError } from '../domain/errors';
import { queueEmail } from '../email';
import { RESET_PASSWORD_PATH } from './account-emails';
import { UID } from '../rules/helpers';
import { pluginConfig } from '../rules/settings';
import { relation, text, textOrNull, type Row } from '../serializers/values';
import { records } from '../services/records';

const USER_UID = 'plugin::users-permissions.user';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** One reset email per account in this window, however often the form is sent. */
const RESEND_AFTER_MS = 60_000;

export const readResetRequest = (body: unknown): string => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fieldError('email', 'send a JSON object with the email address');
  const unknown = Object.keys(body).filter((key) => key !== 'email');
  if (unknown.length) throw fieldError(unknown[0]!, 'is not accepted here');
  const email = (body as { email?: unknown }).email;
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email.trim())) throw fieldError('email', 'must be an email address');
  return email.trim().toLowerCase();
};

/**
 * A password reset for a portal account, by email in the contact's language and the firm's brand,
 * through the outbox. The reset itself stays users-permissions' own (`/api/auth/reset-password`
 * with the code), so the code is the one it checks. Whether the address has an account is never
 * told: the caller gets the same answer either way.
 */
export const requestPasswordReset = async (strapi: Core.Strapi, email: string) => {
  const user = await records(strapi, USER_UID).findOne({ select: ['id', 'documentId', 'email', 'username', 'blocked'], where: { email } });
  if (!user || user.blocked === true) return;
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id', 'name', 'language'],
    where: { user: { id: user.id } },
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
    await records(strapi, USER_UID).update({ where: { id: user.id }, data: { resetPasswordToken: code } });
    await queueEmail(strapi, {
      kind: 'password_reset',
      to: {
        email: text(user.email),
        name: textOrNull(membership.name) ?? textOrNull(user.username),
        locale: textOrNull(membership.language) ?? textOrNull(relation(membership, 'client')?.preferredLocale) ?? pluginConfig(strapi, 'defaultLocale'),
      },
      vars: { resetUrl },
      dedupeKey: `password_reset:${text(user.documentId)}:${code.slice(0, 16)}`,
    });
  });
};

/** How long a reset link works. users-permissions keeps a code until it is used; this ends it. */
export const RESET_CODE_TTL_MS = 60 * 60_000;

/**
 * Clears the reset codes this plugin issued more than an hour ago and nobody used. A code's age is
 * the age of the email that carried it (its dedupe key names the code's first characters); codes
 * users-permissions issued by its own route are left to it.
 */
export const expireResetCodes = async (strapi: Core.Strapi, now = new Date()): Promise<number> => {
  const users = await records(strapi, USER_UID).findMany({ select: ['id', 'documentId', 'resetPasswordToken'], where: { resetPasswordToken: { $notNull: true } } });
  let expired = 0;
  for (const user of users) {
    const code = text(user.resetPasswordToken);
    if (!code) continue;
    const email = await records(strapi, UID.outboundEmail).findOne({
      select: ['id', 'createdAt'],
      where: { kind: 'password_reset', dedupeKey: `password_reset:${text(user.documentId)}:${code.slice(0, 16)}` },
    });
    if (!email || new Date(email.createdAt as string).getTime() > now.getTime() - RESET_CODE_TTL_MS) continue;
    await records(strapi, USER_UID).update({ where: { id: user.id, resetPasswordToken: code }, data: { resetPasswordToken: null } });
    expired += 1;
  }
  return expired;
};
