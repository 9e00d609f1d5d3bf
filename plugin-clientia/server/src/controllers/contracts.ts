import type { Core } from '@strapi/strapi';

import {
  amendContractRequest,
  cancelSigningRequest,
  createContractRequest,
  remindSignatoryRequest,
  updateContractRequest,
} from '../../../shared/contracts/admin-contracts';
import { sendContractRequest, type GetAdminSigningResponse } from '../../../shared/contracts/signing';
import { sendCompletedFile, signerOf, type SigningHttpContext } from '../signing/http';
import {
  cancelContractSigning,
  completedFileOf,
  remindContractSignatory,
  sendContractForSignature,
  staffSigningView,
  uploadContractPdf,
} from '../signing/staff';
import { verifyContract } from '../signing/verify';
import { discardReceivedFiles } from '../storage/received-files';
import { amendContract, createContract, updateContract } from '../workspace/contracts';
import { answerWith, documentIdParam, type AdminContext } from './context';
import { noFields, noQuery } from '../../../shared/contracts/fields';
import { receivedContractFile } from '../validation/admin-contracts';
import { parseBody, parseQuery } from '../validation/parse';
import { SIGNING_BODY } from '../validation/signing';

type StaffContext = AdminContext & SigningHttpContext & { state: { user?: { id: number; email?: string } } };
type UploadContext = StaffContext & { request: { files?: Record<string, unknown> } };

const staffContextOf = (strapi: Core.Strapi, ctx: StaffContext) => ({ ...signerOf(strapi, ctx), authMethod: 'admin', staffEmail: ctx.state.user?.email ?? null });

/** Staff views and actions on contracts that the Content Manager cannot give. */
const contracts = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Recomputes the contract's signing trail and hashes its PDFs again; says what, if anything, does not match. */
  async verify(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    ctx.body = { data: await verifyContract(strapi, { documentId: documentIdParam(ctx) }) };
  },

  /** Signatories, candidates, the completed document and every event of the trail. */
  async signing(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    ctx.body = { data: await staffSigningView(strapi, documentIdParam(ctx)) };
  },

  async send(ctx: StaffContext) {
    parseQuery(noQuery, ctx.query);
    const documentId = documentIdParam(ctx);
    const input = parseBody(sendContractRequest, ctx.request.body, SIGNING_BODY);
    ctx.body = { data: await sendContractForSignature(strapi, documentId, input, staffContextOf(strapi, ctx)) };
  },

  async signedFile(ctx: StaffContext) {
    parseQuery(noQuery, ctx.query);
    const file = await completedFileOf(strapi, { documentId: documentIdParam(ctx) });
    await sendCompletedFile(strapi, ctx, file);
  },

  /** POST /clients/:documentId/contracts: a new draft of the client. */
  async create(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(createContractRequest, ctx.request.body);
    await answerWith<GetAdminSigningResponse['data']>(ctx, createContract(strapi, documentIdParam(ctx), input), 201);
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(updateContractRequest, ctx.request.body);
    await answerWith<GetAdminSigningResponse['data']>(ctx, updateContract(strapi, documentIdParam(ctx), input));
  },

  /** The draft's PDF, as multipart/form-data, into private storage. */
  async uploadFile(ctx: UploadContext) {
    try {
      parseQuery(noQuery, ctx.query);
      // A multipart form without text fields leaves no body: it reads as an empty form.
      parseBody(noFields, ctx.request.body ?? {});
      const file = receivedContractFile(ctx.request.files);
      const body: GetAdminSigningResponse = { data: await uploadContractPdf(strapi, documentIdParam(ctx), file) };
      ctx.body = body;
    } finally {
      await discardReceivedFiles(ctx.request.files);
    }
  },

  async remind(ctx: StaffContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(remindSignatoryRequest, ctx.request.body);
    await answerWith<GetAdminSigningResponse['data']>(ctx, remindContractSignatory(strapi, documentIdParam(ctx), input));
  },

  async cancel(ctx: StaffContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(cancelSigningRequest, ctx.request.body);
    await answerWith<GetAdminSigningResponse['data']>(ctx, cancelContractSigning(strapi, documentIdParam(ctx), input, staffContextOf(strapi, ctx)));
  },

  /** A draft amendment of a signed contract; the answer is the new draft's view. */
  async amend(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(amendContractRequest, ctx.request.body);
    await answerWith<GetAdminSigningResponse['data']>(ctx, amendContract(strapi, documentIdParam(ctx), input), 201);
  },
});

export default contracts;
