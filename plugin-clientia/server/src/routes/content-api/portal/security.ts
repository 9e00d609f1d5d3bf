import type { PortalRouteSpec } from '../../../portal/route-spec';
import { UID } from '../../../constants';

/** The contact's own sign-in: settings, sessions and password. They belong to the account, whichever client it acts for. */
export const securityRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/security',
    handler: 'portal-security.overview',
    capability: 'preferences',
    summary:
      'How the contact signs in: two-factor authentication (on or not, since when, whether the firm requires it for the portal or for one of their clients, recovery codes left), their passkeys, and whether sign-in links are on',
  },
  {
    method: 'POST',
    path: '/security/two-factor',
    handler: 'two-factor.start',
    capability: 'preferences',
    summary:
      'Starts setting up an authenticator app: `{ data: { secret, otpauthUrl, qrSvg } }`, shown once; nothing changes until the first code confirms it. Replaces a set-up nobody confirmed; 409 when two-factor authentication is on already',
    example: { body: {} },
  },
  {
    method: 'POST',
    path: '/security/two-factor/confirm',
    handler: 'two-factor.confirm',
    capability: 'preferences',
    summary:
      'Confirms the app with its first code `{ code }`: two-factor authentication is on and `{ data: { recoveryCodes } }` (ten, shown once); the calling session counts as having shown a code. 400 naming `code` when wrong, 409 when no set-up was started, 429 after five wrong codes',
    example: { body: { code: '123456' } },
  },
  {
    method: 'POST',
    path: '/security/two-factor/disable',
    handler: 'two-factor.disable',
    capability: 'preferences',
    summary:
      'Turns two-factor authentication off with a current code `{ code }` or a recovery code `{ recoveryCode }`: `{ data: { ok: true } }`. 409 naming `code` while the firm requires it for the portal or one of the contact’s clients, or when it is not on; 400 naming the field when the code is wrong; 429 after five wrong codes',
    example: { body: { code: '123456' } },
  },
  {
    method: 'POST',
    path: '/security/recovery-codes',
    handler: 'two-factor.renewRecoveryCodes',
    capability: 'preferences',
    summary:
      'A new set of ten recovery codes for a current code `{ code }`: `{ data: { recoveryCodes } }`, shown once; the earlier codes stop working. 409 naming `code` when two-factor authentication is not on; 400 naming `code` when it is wrong',
    example: { body: { code: '123456' } },
  },
  {
    method: 'GET',
    path: '/sessions',
    handler: 'portal-security.sessions',
    capability: 'preferences',
    summary:
      'The contact’s sessions that still work, most recently used first: device (user agent), address and place in words ("this computer", "a private network", or null), how it signed in, when it started and was last used; `current` marks the one making the request',
  },
  {
    method: 'DELETE',
    path: '/sessions/:id',
    handler: 'portal-security.endSession',
    capability: 'preferences',
    idOf: UID.signInSession,
    summary: 'Ends one of the contact’s sessions (204): its token is refused from the next request on, wherever it was copied to. Another contact’s session, or one already ended, is 404',
  },
  {
    method: 'POST',
    path: '/sessions/end-others',
    handler: 'portal-security.endOthers',
    capability: 'preferences',
    summary: 'Ends every session of the contact but the one making the request: `{ data: { ended } }` with how many',
    example: { body: {} },
  },
  {
    method: 'POST',
    path: '/sessions/end-all',
    handler: 'portal-security.endAll',
    capability: 'preferences',
    summary: 'Ends every session of the contact, the one making the request included (signing out everywhere): `{ data: { ended } }`',
    example: { body: {} },
  },
  {
    method: 'PUT',
    path: '/password',
    handler: 'portal-security.changePassword',
    capability: 'preferences',
    summary:
      'Changes the contact’s password: `{ currentPassword, password }` (at least 10 characters, at most 72 bytes, not the current one). Every session ends and a new one opens for the caller, with what its session had proved: `{ data: SignedIn }` with the new token. 400 naming `currentPassword` when it is wrong, `password` when it breaks a rule',
    example: { body: { currentPassword: 'the-current-password-1', password: 'a-brand-new-password-2' } },
  },
];
