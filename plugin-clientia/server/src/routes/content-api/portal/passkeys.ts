import type { PortalRouteSpec } from '../../../portal/route-spec';
import { UID } from '../../../constants';

/** The contact's own passkeys: they belong to the account, whichever client it acts for. */
export const passkeyRoutes: PortalRouteSpec[] = [
  {
    method: 'POST',
    path: '/security/passkeys/options',
    handler: 'passkeys.registrationOptions',
    capability: 'preferences',
    summary:
      'Starts adding a passkey: `{ data: { challenge, options } }`, where `options` go to the browser’s WebAuthn create call (the account’s passkeys excluded, a discoverable credential with user verification); the challenge lasts 5 minutes',
    example: { body: {} },
  },
  {
    method: 'POST',
    path: '/security/passkeys',
    handler: 'passkeys.register',
    capability: 'preferences',
    summary:
      'Adds the passkey the browser created: `{ challenge, response, name? }` (`response` is the credential as JSON, `name` 1–60 characters, "Passkey 1" and so on when absent); 201 with the passkey, 400 naming `challenge` (expired or used) or `response` (not verified for this portal, or already registered)',
    example: {
      body: {
        challenge: 'bm90LWEtcmVhbC1jaGFsbGVuZ2UtdG9rZW4tMDAwMDAwMDA',
        response: {
          id: 'Y3JlZGVudGlhbC1pZA',
          rawId: 'Y3JlZGVudGlhbC1pZA',
          type: 'public-key',
          response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['internal'] },
          clientExtensionResults: {},
        },
        name: 'Work laptop',
      },
    },
  },
  {
    method: 'PUT',
    path: '/security/passkeys/:id',
    handler: 'passkeys.rename',
    capability: 'preferences',
    idOf: UID.passkey,
    summary: 'Renames one of the caller’s passkeys: `{ name }`, 1–60 characters; another account’s passkey is 404',
    example: { body: { name: 'Phone' } },
  },
  {
    method: 'DELETE',
    path: '/security/passkeys/:id',
    handler: 'passkeys.remove',
    capability: 'preferences',
    idOf: UID.passkey,
    summary: 'Removes one of the caller’s passkeys (204); it no longer signs in. Another account’s passkey is 404',
  },
];
