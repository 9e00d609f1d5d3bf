import { ADMIN_ACTIONS, type AdminAction } from '../../permissions';

/** Every admin route needs a signed-in staff member holding the action named. */
const route = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string, action: AdminAction) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

const { read, manageRecords, manageSettings } = ADMIN_ACTIONS;

export default () => ({
  type: 'admin',
  routes: [
    route('GET', '/overview', 'overview.get', read),
    route('GET', '/clients', 'clients.find', read),
    route('GET', '/clients/:documentId', 'clients.findOne', read),
    route('POST', '/clients/:documentId/invitations', 'clients.invite', manageRecords),
    route('GET', '/clients/:documentId/preview', 'clients.preview', read),
    route('GET', '/contracts/:documentId/verification', 'contracts.verify', read),
    route('GET', '/contracts/:documentId/signing', 'contracts.signing', read),
    route('POST', '/contracts/:documentId/send', 'contracts.send', manageRecords),
    route('GET', '/contracts/:documentId/signed-file', 'contracts.signedFile', read),
    route('GET', '/threads', 'threads.find', read),
    route('GET', '/threads/:documentId', 'threads.findOne', read),
    route('GET', '/threads/:documentId/attachments/:messageId/:key', 'threads.downloadAttachment', read),
    route('POST', '/threads/:documentId/messages', 'threads.reply', manageRecords),
    route('PUT', '/threads/:documentId/state', 'threads.setState', manageRecords),
    route('GET', '/branding', 'branding-settings.find', read),
    route('PUT', '/branding', 'branding-settings.update', manageSettings),
    route('GET', '/settings/sign-in', 'sign-in-settings.find', read),
    route('PUT', '/settings/sign-in', 'sign-in-settings.update', manageSettings),
    route('GET', '/clients/:documentId/sign-in', 'contact-security.find', read),
    route('PUT', '/clients/:documentId/sign-in', 'contact-security.update', manageRecords),
    route('POST', '/clients/:documentId/contacts/:membershipId/two-factor/reset', 'contact-security.resetTwoFactor', manageRecords),
  ],
});
