import type { Core } from '@strapi/strapi';

import { answerRefusals, sendCompletedFile, signerOf, type SigningHttpContext } from '../signing/http';
import { getService } from '../utils';
import { documentIdParam, type AdminContext } from './context';
import { assertQueryKeys } from './validation';

type StaffContext = AdminContext & SigningHttpContext & { state: { user?: { id: number; email?: string } } };

/** Staff views and actions on contracts that the Content Manager cannot give. */
const contracts = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Recomputes the contract's signing trail and hashes its PDFs again; says what, if anything, does not match. */
  async verify(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    ctx.body = { data: await getService(strapi, 'signing').verify(documentIdParam(ctx)) };
  },

  /** Signatories, candidates, the completed document and every event of the trail. */
  async signing(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    ctx.body = { data: await getService(strapi, 'signing').view(documentIdParam(ctx)) };
  },

  async send(ctx: StaffContext) {
    assertQueryKeys(ctx.query, []);
    const documentId = documentIdParam(ctx);
    const context = { ...signerOf(strapi, ctx), authMethod: 'admin', staffEmail: ctx.state.user?.email ?? null };
    await answerRefusals(ctx, () => getService(strapi, 'signing').send(documentId, ctx.request.body, context));
  },

  async signedFile(ctx: StaffContext) {
    assertQueryKeys(ctx.query, []);
    const file = await getService(strapi, 'signing').completedFile({ documentId: documentIdParam(ctx) });
    await sendCompletedFile(strapi, ctx, file);
  },
});

export default contracts;
