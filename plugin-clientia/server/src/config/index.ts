import { isIP } from 'node:net';

import { PLUGIN_ID } from '../../../shared/plugin';
import { validateNumberFormat } from '../domain/numbering';
import { CRON_SHAPE, cronRuleProblem } from './cron';
import { parseEmailFrom } from './email-from';

export interface ClientiaConfig {
  /** Public address of the client portal, e.g. https://portal.yourfirm.com (used in links and emails). */
  portalUrl: string;
  /** ISO 4217 code used when a client has no currency of its own. */
  defaultCurrency: string;
  /** Locale used when neither the contact nor the client has one (BCP 47). */
  defaultLocale: string;
  /** Invoice numbers: {YYYY} or {YY}, optional {MM}, and one {SEQ} or {SEQ:n}; restarts yearly. */
  invoiceNumberFormat: string;
  /** Contract numbers, same tokens as invoices. */
  contractNumberFormat: string;
  /**
   * Credit note numbers, same tokens as invoices, in a sequence of their own; they share the
   * invoices' number column, so the format must give numbers no invoice can have.
   */
  creditNoteNumberFormat: string;
  /** Days from issue to due date when an invoice is issued without one. */
  paymentTermsDays: number;
  /** Hours an invitation link stays valid. */
  invitationTtlHours: number;
  /**
   * Addresses of the proxies in front of Strapi whose X-Forwarded-For (and the portal's signer
   * headers) are believed: the portal's own address, a load balancer's. Anyone else's are ignored,
   * so a signer cannot write another address into the signing trail.
   */
  trustedProxies: string[];
  /** Retainer invoices are made as drafts for staff to check and issue, or issued straight away. */
  retainerInvoiceState: 'draft' | 'issued';
  /** Retainer periods step from each retainer's start date, or follow calendar months, quarters and years. */
  billingAnchor: 'start-date' | 'calendar';
  /** A partial first or last period is billed for its share of days (otherwise in full). */
  prorateBilling: boolean;
  /**
   * When the billing job runs (cron, in the server's time zone): retainer invoices, invoices
   * turning overdue and reminders before the due date. Every run catches up what is due, so a
   * slower schedule only makes invoices later, never missing.
   */
  billingSchedule: string;
  /**
   * This instance runs the plugin's scheduled jobs: the billing job and the expiry of unused
   * password reset links. Independent of Strapi's `server.cron.enabled`, which governs only the
   * app's own cron tasks. Every job is idempotent, so several instances running them is safe; an
   * extra instance may leave them to one.
   */
  scheduledJobs: boolean;
  /** Days before the due date that a payment reminder goes out; 0 sends none (overdue reminders still go). */
  reminderDaysBeforeDue: number;
  /**
   * Sender of client emails when the branding has no sender address: `address` or
   * `Name <address>`. Empty: the email provider's default sender.
   */
  emailFrom: string;
  /**
   * Folder for the files the plugin keeps privately: documents and message attachments contacts
   * upload, signed contract PDFs, the PDFs attached to queued emails. Relative to the app's root;
   * empty: `.data/documents` there. Never inside the public folder, which Strapi serves to anyone.
   */
  documentsDir: string;
  /**
   * The app's own routes that take multipart uploads, as `METHOD /path` (`:name` for a segment),
   * e.g. `POST /api/careers/:id/cv`. The plugin's routes and the upload plugin's are known; any
   * other route is refused a multipart body (415) before it is written to a temporary file.
   */
  fileRoutes: string[];
}

/** One `fileRoutes` entry: a write method and a path. */
export const FILE_ROUTE_SHAPE = /^(POST|PUT|PATCH)\s+(\/\S*)$/;

export const DEFAULT_CONFIG: ClientiaConfig = {
  portalUrl: 'http://localhost:4321',
  defaultCurrency: 'USD',
  defaultLocale: 'en',
  invoiceNumberFormat: 'INV-{YYYY}-{SEQ:4}',
  contractNumberFormat: 'CTR-{YYYY}-{SEQ:3}',
  creditNoteNumberFormat: 'CN-{YYYY}-{SEQ:4}',
  paymentTermsDays: 30,
  invitationTtlHours: 72,
  trustedProxies: ['127.0.0.1', '::1'],
  retainerInvoiceState: 'draft',
  billingAnchor: 'start-date',
  prorateBilling: false,
  billingSchedule: '5 * * * *',
  scheduledJobs: true,
  reminderDaysBeforeDue: 3,
  emailFrom: '',
  documentsDir: '',
  fileRoutes: [],
};

/**
 * What Strapi merges the app's settings into. Lists are left out: Strapi merges by deep
 * defaults, which fills a shorter list from the default one by position, so
 * `trustedProxies: ['10.0.0.5']` would come out as ['10.0.0.5', '::1']. The app's list is taken
 * as it is, and `pluginConfig` answers the default when the app sets none.
 */
const MERGED_DEFAULTS: Partial<ClientiaConfig> = { ...DEFAULT_CONFIG, trustedProxies: undefined, fileRoutes: undefined };

const fail = (key: keyof ClientiaConfig, message: string): never => {
  throw new Error(`Invalid ${PLUGIN_ID} plugin config "${key}": ${message}`);
};

const wholeNumber = (key: 'paymentTermsDays' | 'invitationTtlHours' | 'reminderDaysBeforeDue', value: unknown, max: number, min = 1) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(key, `must be a whole number from ${min} to ${max}`);
  }
};

/** Two formats that differ only in the padding of {SEQ} can give the same number. */
const sameNumbering = (a: string, b: string) => a.replace(/\{SEQ(?::\d{1,2})?\}/, '{SEQ}') === b.replace(/\{SEQ(?::\d{1,2})?\}/, '{SEQ}');

const validator = (config: Partial<ClientiaConfig> & Record<string, unknown>) => {
  const known = new Set<string>(Object.keys(DEFAULT_CONFIG));
  for (const key of Object.keys(config)) {
    if (!known.has(key)) {
      throw new Error(
        `Unknown ${PLUGIN_ID} plugin config "${key}"; known keys: ${[...known].join(', ')}`
      );
    }
  }
  if (typeof config.portalUrl !== 'string' || !/^https?:\/\/[^\s/]+/.test(config.portalUrl)) {
    fail('portalUrl', 'must be an absolute http(s) URL');
  }
  if (typeof config.defaultCurrency !== 'string' || !/^[A-Z]{3}$/.test(config.defaultCurrency)) {
    fail('defaultCurrency', 'must be a three-letter ISO 4217 code such as EUR');
  }
  if (typeof config.defaultLocale !== 'string') {
    fail('defaultLocale', 'must be a BCP 47 locale such as en or de-CH');
  } else {
    try {
      new Intl.Locale(config.defaultLocale);
    } catch {
      fail('defaultLocale', 'must be a BCP 47 locale such as en or de-CH');
    }
  }
  for (const key of ['invoiceNumberFormat', 'contractNumberFormat', 'creditNoteNumberFormat'] as const) {
    const problem = validateNumberFormat(config[key] as string);
    if (problem) fail(key, problem);
  }
  if (sameNumbering(config.creditNoteNumberFormat as string, config.invoiceNumberFormat as string)) {
    fail('creditNoteNumberFormat', 'must differ from invoiceNumberFormat by more than the width of {SEQ}: both kinds share one number column');
  }
  wholeNumber('paymentTermsDays', config.paymentTermsDays, 365);
  wholeNumber('invitationTtlHours', config.invitationTtlHours, 24 * 30);
  const proxies = config.trustedProxies ?? DEFAULT_CONFIG.trustedProxies;
  if (!Array.isArray(proxies) || proxies.some((address) => typeof address !== 'string' || isIP(address.trim()) === 0)) {
    fail('trustedProxies', 'must be a list of IP addresses such as ["127.0.0.1", "10.0.0.5"]');
  }
  if (!['draft', 'issued'].includes(config.retainerInvoiceState as string)) fail('retainerInvoiceState', 'must be draft or issued');
  if (!['start-date', 'calendar'].includes(config.billingAnchor as string)) fail('billingAnchor', 'must be start-date or calendar');
  if (typeof config.prorateBilling !== 'boolean') fail('prorateBilling', 'must be true or false');
  if (typeof config.billingSchedule !== 'string') {
    fail('billingSchedule', CRON_SHAPE);
  } else {
    const problem = cronRuleProblem(config.billingSchedule);
    if (problem) fail('billingSchedule', `${CRON_SHAPE}; ${problem}`);
  }
  if (typeof config.scheduledJobs !== 'boolean') fail('scheduledJobs', 'must be true or false');
  wholeNumber('reminderDaysBeforeDue', config.reminderDaysBeforeDue, 60, 0);
  if (typeof config.emailFrom !== 'string' || (config.emailFrom.trim() !== '' && !parseEmailFrom(config.emailFrom))) {
    fail('emailFrom', 'must be empty, an email address or Name <address>, such as "Harbor & Pine <billing@harborpine.example>"');
  }
  if (typeof config.documentsDir !== 'string' || config.documentsDir.includes('\0')) {
    fail('documentsDir', 'must be a folder path, or empty for .data/documents in the app');
  }
  const fileRoutes = config.fileRoutes ?? DEFAULT_CONFIG.fileRoutes;
  if (!Array.isArray(fileRoutes) || fileRoutes.some((entry) => typeof entry !== 'string' || !FILE_ROUTE_SHAPE.test(entry.trim()))) {
    fail('fileRoutes', 'must be a list of "METHOD /path" entries such as ["POST /api/careers/:id/cv"] (POST, PUT or PATCH)');
  }
};

export default {
  default: MERGED_DEFAULTS,
  validator,
};
