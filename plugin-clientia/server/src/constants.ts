/** The content types of the plugin, by the name the code uses for each. */
export const UID = {
  client: 'plugin::clientia.client',
  membership: 'plugin::clientia.membership',
  contract: 'plugin::clientia.contract',
  signatureEvent: 'plugin::clientia.signature-event',
  retainer: 'plugin::clientia.retainer',
  timeEntry: 'plugin::clientia.time-entry',
  invoice: 'plugin::clientia.invoice',
  payment: 'plugin::clientia.payment',
  licence: 'plugin::clientia.licence',
  seat: 'plugin::clientia.seat',
  document: 'plugin::clientia.document',
  project: 'plugin::clientia.project',
  milestone: 'plugin::clientia.milestone',
  thread: 'plugin::clientia.thread',
  message: 'plugin::clientia.message',
  activity: 'plugin::clientia.activity',
  branding: 'plugin::clientia.branding',
  outboundEmail: 'plugin::clientia.outbound-email',
  // Sign-in: the stored name of a sign-in session is `portal-session`, from before it had its own name.
  signInSession: 'plugin::clientia.portal-session',
  signInLink: 'plugin::clientia.sign-in-link',
  signInChallenge: 'plugin::clientia.sign-in-challenge',
  passkey: 'plugin::clientia.passkey',
  twoFactor: 'plugin::clientia.two-factor',
} as const;

export type ClientiaUid = (typeof UID)[keyof typeof UID];

/** Content types of Strapi's own plugins that Clientia reads or writes. */
/** The users-permissions role type of every portal contact. */
export const CONTACT_ROLE_TYPE = 'client-contact';

export const STRAPI_UID = {
  user: 'plugin::users-permissions.user',
  role: 'plugin::users-permissions.role',
  permission: 'plugin::users-permissions.permission',
  file: 'plugin::upload.file',
} as const;
