/**
 * Admin API for keeping a client's records from the client page (`/clientia/...`, admin JWT):
 * the client itself, its contacts, projects and milestones, licences and seats. Reads take the
 * read action, writes the records action. Every `:id` after the client's own is looked up inside
 * that client: another client's record answers 404.
 *
 * Request bodies of an edit (PUT) take only the fields that change; a field left out keeps its
 * value, `null` (or empty text) clears an optional one.
 */
import { z } from 'zod';

import { CLIENT_STATES, type ClientOverview, type InviteContactResponse } from './admin';
import { clearableText, emailAddress, flag, oneOf, requiredText } from './fields';
import { PORTAL_ROLES } from './portal';

export const PROJECT_STATES = ['planned', 'active', 'on_hold', 'done'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
export const MILESTONE_STATES = ['pending', 'in_progress', 'done'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export const LICENCE_STATES = ['active', 'cancelled', 'expired'] as const;
export type LicenceState = (typeof LICENCE_STATES)[number];

/** Limits of the fields staff type, in characters (or seats), as the schemas store them. */
const RECORD_LIMITS = {
  clientName: 200,
  legalName: 300,
  billingAddress: 2000,
  taxId: 64,
  internalNotes: 10_000,
  contactName: 200,
  projectName: 300,
  summary: 4000,
  milestoneTitle: 300,
  product: 200,
  plan: 200,
  /** Each seat is a record of its own, made when bought: a thousand on one licence is plenty. */
  seats: 1000,
  assigneeName: 200,
} as const;

const DATE = 'must be a calendar date as YYYY-MM-DD, e.g. 2026-11-30';

/** A calendar date that exists (2026-02-30 does not); null or empty text clears it. */
const calendarDate = z
  .string({ error: DATE })
  .trim()
  .refine((value) => {
    if (value === '') return true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: DATE, abort: true })
  .transform((value) => value || null)
  .nullable()
  .optional();

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .refine((value) => Number.isSafeInteger(value) && value >= min && value <= max, {
      error: `must be a whole number from ${min} to ${max}`,
      abort: true,
    });

const CURRENCY = 'must be a three-letter ISO 4217 currency code, e.g. EUR';
const knownCurrencies = () => (typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null);

/** An ISO 4217 code, upper-cased; one the runtime knows when it can tell. */
const currencyCode = z
  .string({ error: CURRENCY })
  .trim()
  .toUpperCase()
  .refine((value) => /^[A-Z]{3}$/.test(value) && (knownCurrencies()?.has(value) ?? true), { error: CURRENCY, abort: true });

const LOCALE = 'must be a language code such as en, de or fr-CH';
/** A locale tag in its canonical form (de-ch → de-CH); null or empty text clears it. */
const clearableLocale = z
  .string({ error: LOCALE })
  .trim()
  .max(35, { error: LOCALE, abort: true })
  .transform((value, ctx) => {
    if (!value) return null;
    try {
      return new Intl.Locale(value).toString();
    } catch {
      ctx.issues.push({ code: 'custom', message: LOCALE, input: value });
      return z.NEVER;
    }
  })
  .nullable()
  .optional();

const TIME_ZONE = 'must be a time zone such as Europe/Berlin or UTC';
/** An IANA time zone the runtime knows; null or empty text clears it. */
const clearableTimeZone = z
  .string({ error: TIME_ZONE })
  .trim()
  .max(64, { error: TIME_ZONE, abort: true })
  .transform((value, ctx) => {
    if (!value) return null;
    try {
      return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      ctx.issues.push({ code: 'custom', message: TIME_ZONE, input: value });
      return z.NEVER;
    }
  })
  .nullable()
  .optional();

const BILLING_EMAIL = 'must be an email address such as billing@client.example, or empty';
const clearableEmail = z
  .string({ error: BILLING_EMAIL })
  .trim()
  .transform((value, ctx) => {
    if (!value) return null;
    const parsed = emailAddress(BILLING_EMAIL).safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.issues.push({ code: 'custom', message: BILLING_EMAIL, input: value });
    return z.NEVER;
  })
  .nullable()
  .optional();

const STAFF = 'must be the id of a staff member, or null for none';
const staffMember = z
  .number({ error: STAFF })
  .refine((id) => Number.isSafeInteger(id) && id >= 1, { error: STAFF, abort: true })
  .nullable()
  .optional();

// ---------------------------------------------------------------- clients

/** The fields of a client staff keep; the slug follows the name when the client is made. */
const clientFields = {
  name: requiredText(RECORD_LIMITS.clientName),
  state: oneOf(CLIENT_STATES),
  legalName: clearableText(RECORD_LIMITS.legalName),
  billingEmail: clearableEmail,
  billingAddress: clearableText(RECORD_LIMITS.billingAddress),
  taxId: clearableText(RECORD_LIMITS.taxId),
  currency: currencyCode,
  locale: clearableLocale,
  timezone: clearableTimeZone,
  portalEnabled: flag(),
  accountManager: staffMember,
  internalNotes: clearableText(RECORD_LIMITS.internalNotes),
};

/** POST /clientia/clients: name and currency are needed; a new client is active with the portal on unless sent. */
export const createClientRequest = z.strictObject({
  ...clientFields,
  state: clientFields.state.optional(),
  portalEnabled: clientFields.portalEnabled.optional(),
});
export type CreateClientRequest = z.infer<typeof createClientRequest>;

/** PUT /clientia/clients/:documentId */
export const updateClientRequest = z.strictObject({
  ...clientFields,
  name: clientFields.name.optional(),
  state: clientFields.state.optional(),
  currency: clientFields.currency.optional(),
  portalEnabled: clientFields.portalEnabled.optional(),
});
export type UpdateClientRequest = z.infer<typeof updateClientRequest>;

/** Both answer the client as the client page shows it (201 for a new one). */
export interface ClientRecordResponse { data: ClientOverview['client'] }

/** GET /clientia/staff — who may be a client's account manager (read action). */
export interface StaffMember { id: number; name: string; email: string }
export interface ListStaffResponse { data: StaffMember[] }

// ---------------------------------------------------------------- contacts

export type Contact = ClientOverview['contacts'][number];

/**
 * PUT /clientia/clients/:documentId/contacts/:membershipId — the contact's name at this client,
 * portal role, signatory flag, and `active: false` to take their portal access to this client
 * away at once (`true` gives it back). A deactivated contact's open invitation link stops working.
 */
export const updateContactRequest = z.strictObject({
  name: requiredText(RECORD_LIMITS.contactName).optional(),
  role: oneOf(PORTAL_ROLES).optional(),
  signatory: flag().optional(),
  active: flag().optional(),
});
export type UpdateContactRequest = z.infer<typeof updateContactRequest>;
export interface ContactResponse { data: Contact }

/**
 * POST /clientia/clients/:documentId/contacts/:membershipId/invitation, no body — a new link for a
 * contact who has not accepted yet, emailed again. The link sent before stops working; answers
 * like an invitation (201), with the new link shown once.
 */
export type ResendInvitationResponse = InviteContactResponse;

// ---------------------------------------------------------------- projects and milestones

export interface StaffMilestone {
  documentId: string;
  title: string;
  state: MilestoneState;
  dueDate: string | null;
  completedAt: string | null;
  order: number;
}

export interface StaffProject {
  documentId: string;
  name: string;
  state: ProjectState;
  /** Percent, 0 to 100. */
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  summary: string | null;
  internalNotes: string | null;
  /** In the firm's order. */
  milestones: StaffMilestone[];
}
/** GET, PUT /clientia/clients/:documentId/projects/:projectId; POST /clientia/clients/:documentId/projects (201). */
export interface ProjectResponse { data: StaffProject }

const projectFields = {
  name: requiredText(RECORD_LIMITS.projectName),
  state: oneOf(PROJECT_STATES).optional(),
  progress: wholeNumber(0, 100).optional(),
  startDate: calendarDate,
  dueDate: calendarDate,
  summary: clearableText(RECORD_LIMITS.summary),
  internalNotes: clearableText(RECORD_LIMITS.internalNotes),
};
/** POST /clientia/clients/:documentId/projects: a new project is planned at 0 % unless sent. */
export const createProjectRequest = z.strictObject(projectFields);
export type CreateProjectRequest = z.infer<typeof createProjectRequest>;
/** PUT /clientia/clients/:documentId/projects/:projectId */
export const updateProjectRequest = z.strictObject({ ...projectFields, name: projectFields.name.optional() });
export type UpdateProjectRequest = z.infer<typeof updateProjectRequest>;

const milestoneFields = {
  title: requiredText(RECORD_LIMITS.milestoneTitle),
  dueDate: calendarDate,
  state: oneOf(MILESTONE_STATES).optional(),
};
/** POST /clientia/clients/:documentId/projects/:projectId/milestones: added last, pending unless sent; answers the project (201). */
export const createMilestoneRequest = z.strictObject(milestoneFields);
export type CreateMilestoneRequest = z.infer<typeof createMilestoneRequest>;
/** PUT /clientia/clients/:documentId/projects/:projectId/milestones/:milestoneId; answers the project. */
export const updateMilestoneRequest = z.strictObject({ ...milestoneFields, title: milestoneFields.title.optional() });
export type UpdateMilestoneRequest = z.infer<typeof updateMilestoneRequest>;

const ORDER = "must list each of the project's milestones once, by documentId, in the new order";
/** PUT /clientia/clients/:documentId/projects/:projectId/milestone-order; answers the project. */
export const reorderMilestonesRequest = z.strictObject({
  milestones: z
    .array(z.string({ error: ORDER }).max(64, { error: ORDER, abort: true }), { error: ORDER })
    .max(500, { error: ORDER, abort: true })
    .refine((list) => new Set(list).size === list.length, { error: ORDER, abort: true }),
});
export type ReorderMilestonesRequest = z.infer<typeof reorderMilestonesRequest>;

// ---------------------------------------------------------------- licences and seats

export interface StaffSeat {
  documentId: string;
  assigneeName: string | null;
  assigneeEmail: string | null;
  assignedAt: string | null;
}

export interface StaffLicence {
  documentId: string;
  product: string;
  plan: string | null;
  state: LicenceState;
  seatsPurchased: number;
  /** Seats naming a person. */
  assigned: number;
  renewalDate: string | null;
  internalNotes: string | null;
  seats: StaffSeat[];
}
/**
 * GET, PUT /clientia/clients/:documentId/licences/:licenceId; POST /clientia/clients/:documentId/licences (201).
 * A licence keeps one seat per seat purchased: more seats purchased adds vacant ones, fewer
 * removes vacant ones, and fewer than are assigned is refused (400 naming `seatsPurchased`).
 */
export interface LicenceResponse { data: StaffLicence }

const licenceFields = {
  product: requiredText(RECORD_LIMITS.product),
  plan: clearableText(RECORD_LIMITS.plan),
  state: oneOf(LICENCE_STATES).optional(),
  seatsPurchased: wholeNumber(0, RECORD_LIMITS.seats),
  renewalDate: calendarDate,
  internalNotes: clearableText(RECORD_LIMITS.internalNotes),
};
/** POST /clientia/clients/:documentId/licences: active unless sent. */
export const createLicenceRequest = z.strictObject(licenceFields);
export type CreateLicenceRequest = z.infer<typeof createLicenceRequest>;
/** PUT /clientia/clients/:documentId/licences/:licenceId */
export const updateLicenceRequest = z.strictObject({
  ...licenceFields,
  product: licenceFields.product.optional(),
  seatsPurchased: licenceFields.seatsPurchased.optional(),
});
export type UpdateLicenceRequest = z.infer<typeof updateLicenceRequest>;

/**
 * POST /clientia/clients/:documentId/licences/:licenceId/seats — gives a vacant seat to a person
 * (usually one of the client's contacts); answers the licence. With every seat taken, the seat
 * rule refuses it: 400 naming `assigneeEmail`, nothing written.
 */
export const assignSeatRequest = z.strictObject({
  assigneeName: requiredText(RECORD_LIMITS.assigneeName),
  assigneeEmail: emailAddress(),
});
export type AssignSeatRequest = z.infer<typeof assignSeatRequest>;
/** DELETE /clientia/clients/:documentId/licences/:licenceId/seats/:seatId/assignee — the seat stays, vacant; answers the licence. */
