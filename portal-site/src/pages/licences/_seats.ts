/**
 * Words for licence and seat statuses, and plain-language answers for the ways assigning or
 * freeing a seat can be refused. (The leading underscore keeps this file out of the routes.)
 */
import type { LicenceStatus, SeatStatus } from '@clientia/shared/contracts/portal-seats';
import type { Tone } from '../../components/StatusBadge.astro';
import type { Translator } from '../../lib/i18n';
import { fieldOf } from '../../lib/server/auth';
import { EMAIL } from '../../lib/server/forms';
import type { StrapiError } from '../../lib/server/strapi';
import type { MessageKey } from '../../lib/i18n';
import { EMAIL_MAX_LENGTH } from '@clientia/shared/contracts/fields';
import { ASSIGNEE_NAME_MAX } from '@clientia/shared/contracts/portal-seats';

export const LICENCE_STATUS: Record<LicenceStatus, { label: MessageKey; tone: Tone }> = {
  active: { label: 'licences.status.active', tone: 'success' },
  cancelled: { label: 'licences.status.cancelled', tone: 'warning' },
  expired: { label: 'licences.status.expired', tone: 'neutral' },
};

export const SEAT_STATUS: Record<SeatStatus, { label: MessageKey; tone: Tone }> = {
  assigned: { label: 'seats.status.assigned', tone: 'info' },
  vacant: { label: 'seats.status.vacant', tone: 'neutral' },
};

/** What the API accepts for an assignee's name (Strapi refuses longer ones). */
export const NAME_MAX = ASSIGNEE_NAME_MAX;
export const EMAIL_MAX = EMAIL_MAX_LENGTH;

export type AssigneeField = 'assigneeName' | 'assigneeEmail';

export interface SeatProblem {
  /** The form field the problem is about; null when it is about the licence or the seat. */
  field: AssigneeField | null;
  message: string;
}

/** The checks the portal makes itself before asking Strapi, with translated messages. */
export const assigneeProblem = (t: Translator, name: string, email: string): SeatProblem | null => {
  if (!name) return { field: 'assigneeName', message: t('seats.error.nameRequired') };
  if (name.length > NAME_MAX) return { field: 'assigneeName', message: t('seats.error.nameLong', { max: NAME_MAX }) };
  if (!email) return { field: 'assigneeEmail', message: t('seats.error.emailRequired') };
  if (email.length > EMAIL_MAX || !EMAIL.test(email)) return { field: 'assigneeEmail', message: t('seats.error.emailInvalid') };
  return null;
};

/**
 * A 400 from Strapi in the contact's language. Strapi names the field but says what is wrong
 * only in English, so the known refusals are recognised by their wording; anything else falls
 * back to Strapi's own words rather than hiding why the seat was not changed.
 */
export const strapiSeatProblem = (t: Translator, error: StrapiError, product: string): SeatProblem => {
  const path = fieldOf(error);
  const field: AssigneeField | null = path === 'assigneeName' || path === 'assigneeEmail' ? path : null;
  const errors = (error.details?.details as { errors?: { message?: unknown }[] } | undefined)?.errors;
  const text = String(errors?.[0]?.message ?? error.message);
  if (/already has a seat/i.test(text)) return { field: 'assigneeEmail', message: t('seats.error.duplicate', { product }) };
  if (/seats of .* are assigned/i.test(text)) return { field: null, message: t('seats.error.noVacant', { product }) };
  if (/can no longer be assigned/i.test(text)) return { field: null, message: t('seats.error.inactive') };
  if (field === 'assigneeEmail') return { field, message: t('seats.error.emailInvalid') };
  if (field === 'assigneeName' && /at most/i.test(text)) return { field, message: t('seats.error.nameLong', { max: NAME_MAX }) };
  if (field === 'assigneeName') return { field, message: t('seats.error.nameRequired') };
  return { field: null, message: t('seats.error.other', { reason: text }) };
};
