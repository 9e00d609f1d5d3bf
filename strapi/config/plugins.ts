import type { Core } from '@strapi/strapi';

import { emailConfig } from '../src/email/config';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // The portal keeps this token server-side; a short life limits what a leaked one is worth.
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '8h') },
      register: { allowedFields: [] },
      // Strapi limits its auth routes per calling address; the portal signs every contact in from its
      // own address, so the whole firm would share one small bucket. The portal throttles per account
      // and per browser address itself; this stays as a ceiling for direct calls.
      ratelimit: { interval: { min: 1 }, max: env.int('AUTH_RATELIMIT_MAX', 300) },
    },
  },
  // SMTP when SMTP_HOST is set; otherwise every email is written to the outbox folder instead.
  email: {
    config: emailConfig((key) => env(key)),
  },
  clientia: {
    enabled: true,
    config: {
      portalUrl: env('PORTAL_URL', 'http://localhost:4321'),
      defaultCurrency: env('CLIENTIA_DEFAULT_CURRENCY', 'USD'),
      defaultLocale: env('CLIENTIA_DEFAULT_LOCALE', 'en'),
      invoiceNumberFormat: env('CLIENTIA_INVOICE_NUMBER_FORMAT', 'INV-{YYYY}-{SEQ:4}'),
      contractNumberFormat: env('CLIENTIA_CONTRACT_NUMBER_FORMAT', 'CTR-{YYYY}-{SEQ:3}'),
      creditNoteNumberFormat: env('CLIENTIA_CREDIT_NOTE_NUMBER_FORMAT', 'CN-{YYYY}-{SEQ:4}'),
      paymentTermsDays: env.int('CLIENTIA_PAYMENT_TERMS_DAYS', 30),
      invitationTtlHours: env.int('CLIENTIA_INVITATION_TTL_HOURS', 72),
      trustedProxies: env.array('CLIENTIA_TRUSTED_PROXIES', ['127.0.0.1', '::1']),
      retainerInvoiceState: env('CLIENTIA_RETAINER_INVOICE_STATE', 'draft'),
      billingAnchor: env('CLIENTIA_BILLING_ANCHOR', 'start-date'),
      prorateBilling: env.bool('CLIENTIA_PRORATE_BILLING', false),
      billingSchedule: env('CLIENTIA_BILLING_SCHEDULE', '5 * * * *'),
      scheduledJobs: env.bool('CLIENTIA_SCHEDULED_JOBS', true),
      reminderDaysBeforeDue: env.int('CLIENTIA_REMINDER_DAYS_BEFORE_DUE', 3),
      emailFrom: env('CLIENTIA_EMAIL_FROM', ''),
      documentsDir: env('CLIENTIA_DOCUMENTS_DIR', ''),
    },
  },
});
