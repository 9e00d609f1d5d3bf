import type { PublicRouteSpec } from '../../portal/route-spec';

/** Routes without sign-in. The docs list them from here too. */
export const PUBLIC_ROUTES: readonly PublicRouteSpec[] = [
  {
    method: 'GET',
    path: '/branding',
    handler: 'branding.find',
    // Public on purpose: the sign-in page shows the firm's brand before anyone signs in.
    summary: 'The firm’s public brand, for every page of the portal, signed in or not',
    request: 'no query parameters; send `If-None-Match` with the last `ETag` to revalidate',
    responses:
      '200, `{ data: { firmName, logoUrl, faviconUrl, primaryColor, accentColor, portalUrl, supportEmail, footerText, legalText, defaultLocale } }` with an `ETag` and `Cache-Control: no-cache`; 304 without a body when `If-None-Match` matches',
  },
  {
    method: 'POST',
    path: '/invitations/lookup',
    handler: 'invitations.lookup',
    summary: 'What an invitation link is for, before the contact accepts it',
    request: 'JSON body `{ token }`: the code at the end of `<portal>/invite/<token>`',
    responses:
      '200, `{ data: { email, name, clientName, expiresAt, existingAccount } }`; 400 naming `token` or an unknown field; 404 when the link is unknown or already used; 410 when it has expired',
  },
  {
    method: 'POST',
    path: '/invitations/accept',
    handler: 'invitations.accept',
    summary:
      'Accepts an invitation, once: sets the new account’s password (an existing account keeps its own and takes none), confirms the account and spends the link',
    request:
      'JSON body `{ token, password }`; `password` at least 10 characters and at most 72 bytes, required when `existingAccount` is false and refused when it is true',
    responses: '200, `{ data: { email } }`, then sign in with `POST /api/auth/local`; 400 naming `token`, `password` or an unknown field; 404 and 410 as for lookup',
  },
  {
    method: 'POST',
    path: '/password-resets',
    rateLimited: true,
    handler: 'password-resets.create',
    summary:
      'Emails a portal contact the link to choose a new password, in their language and the firm’s brand, through the outbox; the same answer, after the same minimum time, whether or not the address has an account',
    request: 'JSON body `{ email }`; at most one email per account a minute',
    responses: '200, `{ data: { ok: true } }`; 400 naming `email` or an unknown field. The link leads to `<portal>/reset-password?code=…`, which posts the code to `POST /api/auth/reset-password`',
  },
  {
    method: 'GET',
    path: '/sign-in/options',
    handler: 'sign-in.options',
    summary: 'What the sign-in page offers besides the password: whether the firm lets contacts ask for a sign-in link',
    request: 'no query parameters',
    responses: '200, `{ data: { magicLinks } }`, never cached',
  },
  {
    method: 'POST',
    path: '/sign-in/password',
    rateLimited: true,
    handler: 'sign-in.password',
    summary:
      'The password step of a portal sign-in. Either signed in (a session is opened and its token returned), or the next step: an authenticator or recovery code (`second-factor`), or setting up an authenticator app first when the firm requires two-factor authentication and the contact has none (`enrol-two-factor`). Successes and failures of known contacts go to each of their clients’ activity logs',
    request: 'JSON body `{ email, password }`. The portal forwards the browser’s address (`X-Forwarded-For`) and user agent (`X-Clientia-User-Agent`); both count only from a trusted proxy',
    responses:
      '200, `{ data: SignInStep }`: `{ status: "signed-in", jwt, user, session }`, `{ status: "second-factor", challenge, expiresAt }` (10 minutes, for `POST /sign-in/second-factor`) or `{ status: "enrol-two-factor", challenge, expiresAt }` (15 minutes, for `POST /sign-in/enrolment`); 400 naming `email`, `password` or an unknown field; 401 "Wrong email or password" alike, and after the same work, for an unknown address, a wrong password and a blocked account; 403 for a right password of an account without client portal access',
  },
  {
    method: 'POST',
    path: '/sign-in/links',
    rateLimited: true,
    handler: 'sign-in-links.create',
    summary:
      'Emails a contact a link that signs them in without a password, in their language and the firm’s brand, through the outbox. The link works once, for 15 minutes; a newer link or a password change ends it. The same answer, after the same minimum time, whether or not the address has an account',
    request:
      'JSON body `{ email }`; at most one email per account a minute (a newer request within the minute is answered the same and sends nothing). Unknown addresses, accounts without client portal access and blocked accounts get no email',
    responses:
      '200, `{ data: { ok: true } }` after at least 300 ms; 400 naming `email` or an unknown field; 403 naming `email` when the firm has turned sign-in links off. The link leads to `<portal>/sign-in/link?token=…`, which posts the token to `POST /sign-in/links/redeem`',
  },
  {
    method: 'POST',
    path: '/sign-in/links/redeem',
    handler: 'sign-in-links.redeem',
    summary: 'Signs in with a sign-in link, once; what follows is as after a right password (signed in, a code, or setting up an authenticator app)',
    request: 'JSON body `{ token }`: the code at the end of `<portal>/sign-in/link?token=…`',
    responses:
      '200, `{ data: SignInStep }` as for `POST /sign-in/password` (method `link`); 400 naming `token` when it is missing or malformed, or an unknown field; 403 when the account has no client portal access; 410, with one message, for a link that is unknown, used, expired, replaced by a newer one, made before a password change, or sent before the firm turned links off',
  },
  {
    method: 'POST',
    path: '/sign-in/second-factor',
    handler: 'two-factor.secondFactor',
    summary:
      'The code after the password or the sign-in link: the current code from the contact’s authenticator app, or one of their recovery codes. Completes the sign-in (session `secondFactor` `totp` or `recovery-code`). A code is accepted once: the same code again, or an older one, is wrong. Five wrong codes in a row lock the account’s codes for 15 minutes',
    request: 'JSON body `{ challenge, code }` (6 digits) or `{ challenge, recoveryCode }` (such as `k7m2-q9xp`); `challenge` from the `second-factor` step, which lasts 10 minutes and is spent only by a right code',
    responses:
      '200, `{ data: SignedIn }`; 400 naming `challenge`, `code`, `recoveryCode` or an unknown field when malformed; 401 naming `code` or `recoveryCode` when wrong, replayed or used; 429 naming the field while the codes are locked (a right code too); 410 when the challenge expired or was used',
  },
  {
    method: 'POST',
    path: '/sign-in/enrolment',
    handler: 'two-factor.enrolment',
    summary:
      'Sets up an authenticator app during a sign-in the firm requires two-factor authentication for: a new secret, shown once, as text, otpauth URL and QR code (issuer the firm’s name, account the contact’s email). Asking again replaces the secret',
    request: 'JSON body `{ challenge }` from the `enrol-two-factor` step (15 minutes)',
    responses:
      '200, `{ data: { secret, otpauthUrl, qrSvg } }`; 400 naming `challenge` or an unknown field; 409 when the account has an app already; 410 when the challenge expired or was used',
  },
  {
    method: 'POST',
    path: '/sign-in/enrolment/confirm',
    handler: 'two-factor.confirmEnrolment',
    summary:
      'Confirms the app set up during the sign-in with its first code: two-factor authentication is on, the sign-in completes (`secondFactor` `totp`) and ten recovery codes are returned, once',
    request: 'JSON body `{ challenge, code }`',
    responses:
      '200, `{ data: SignedIn & { recoveryCodes } }`; 400 naming `challenge`, `code` or an unknown field; 401 naming `code` when wrong; 409 naming `code` when no set-up was started; 429 naming `code` while the codes are locked; 410 when the challenge expired or was used',
  },
  {
    method: 'POST',
    path: '/sign-in/passkey/options',
    handler: 'passkeys.signInOptions',
    summary: 'Starts a sign-in with a passkey: a challenge for any passkey of this portal, the browser offers the ones it holds',
    request: 'JSON body `{}`',
    responses:
      '200, `{ data: { challenge, options } }`: `options` go to the browser’s WebAuthn get call (empty `allowCredentials`, user verification required, RP id the portal’s hostname); `challenge` is sent back with the response and lasts 5 minutes; 400 naming an unknown field; 429 after 30 from one browser address within 10 minutes',
  },
  {
    method: 'POST',
    path: '/sign-in/passkey',
    handler: 'passkeys.signIn',
    summary:
      'Signs in with a passkey instead of a password and a code: a passkey with user verification counts as both factors. Opens a portal session (method `passkey`) and records the sign-in',
    request: 'JSON body `{ challenge, response }`: the challenge from the options call, and the credential the browser returned, as JSON',
    responses:
      '200, `{ data: SignedIn }` (`status: "signed-in"`, `jwt`, `user`, `session`); 400 naming `challenge`, `response` (or a part of it) or an unknown field; 401 with one message for an unknown passkey, a used or expired challenge, a failed verification or a blocked account; 403 when the account has no client portal access',
  },
];
