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
    handler: 'password-resets.create',
    summary:
      'Emails a portal contact the link to choose a new password, in their language and the firm’s brand, through the outbox; the same answer whether or not the address has an account',
    request: 'JSON body `{ email }`; at most one email per account a minute',
    responses: '200, `{ data: { ok: true } }`; 400 naming `email` or an unknown field. The link leads to `<portal>/reset-password?code=…`, which posts the code to `POST /api/auth/reset-password`',
  },
];
