import type { Core } from '@strapi/strapi';

import { updateContactRequest, type ContactResponse, type ResendInvitationResponse } from '../../../shared/contracts/admin-records';
import { noFields, noQuery } from '../../../shared/contracts/fields';
import { resendInvitation } from '../accounts/invitations';
import { updateContact } from '../workspace/contact-editor';
import { staffId, type AdminContext } from './context';
import { pathId } from './record-params';
import { parseBody, parseQuery } from '../validation/parse';

/** Staff change a contact's role, signatory flag and access, and send a new invitation link. */
const contactEditor = ({ strapi }: { strapi: Core.Strapi }) => ({
  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const clientId = pathId(ctx, 'documentId');
    const membershipId = pathId(ctx, 'membershipId');
    const request = parseBody(updateContactRequest, ctx.request.body);
    const body: ContactResponse = { data: await updateContact(strapi, clientId, membershipId, request) };
    ctx.body = body;
  },

  async resendInvitation(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const clientId = pathId(ctx, 'documentId');
    const membershipId = pathId(ctx, 'membershipId');
    // The route takes no body; anything sent is refused rather than silently ignored.
    parseBody(noFields, ctx.request.body);
    const body: ResendInvitationResponse = { data: await resendInvitation(strapi, clientId, membershipId, staffId(ctx)) };
    ctx.status = 201;
    ctx.body = body;
  },
});

export default contactEditor;
