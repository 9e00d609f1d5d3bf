import type { Core } from '@strapi/strapi';

import {
  assignSeatRequest,
  createLicenceRequest,
  updateLicenceRequest,
  type LicenceResponse,
} from '../../../shared/contracts/admin-records';
import { noFields, noQuery } from '../../../shared/contracts/fields';
import { assignSeat, createLicence, freeSeat, getLicence, updateLicence } from '../workspace/licence-editor';
import { answerWith, type AdminContext } from './context';
import { pathId } from './record-params';
import { parseBody, parseQuery } from '../validation/parse';

const answer = (ctx: AdminContext, pending: Promise<LicenceResponse['data']>, status = 200) => answerWith(ctx, pending, status);

/** Staff keep a client's licences and who holds their seats from the client page. */
const licenceEditor = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    await answer(ctx, getLicence(strapi, pathId(ctx, 'documentId'), pathId(ctx, 'licenceId')));
  },

  async create(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const clientId = pathId(ctx, 'documentId');
    const request = parseBody(createLicenceRequest, ctx.request.body);
    await answer(ctx, createLicence(strapi, clientId, request), 201);
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const [clientId, licenceId] = [pathId(ctx, 'documentId'), pathId(ctx, 'licenceId')];
    const request = parseBody(updateLicenceRequest, ctx.request.body);
    await answer(ctx, updateLicence(strapi, clientId, licenceId, request));
  },

  async assignSeat(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const [clientId, licenceId] = [pathId(ctx, 'documentId'), pathId(ctx, 'licenceId')];
    const assignee = parseBody(assignSeatRequest, ctx.request.body);
    await answer(ctx, assignSeat(strapi, clientId, licenceId, assignee));
  },

  async freeSeat(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const [clientId, licenceId, seatId] = [pathId(ctx, 'documentId'), pathId(ctx, 'licenceId'), pathId(ctx, 'seatId')];
    parseBody(noFields, ctx.request.body);
    await answer(ctx, freeSeat(strapi, clientId, licenceId, seatId));
  },
});

export default licenceEditor;
