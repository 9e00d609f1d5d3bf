import type { Core } from '@strapi/strapi';

import type { GetPublicBrandingResponse } from '../../../shared/contracts/branding';
import { etagOf, matchesIfNoneMatch } from '../http/etag';
import { loadPublicBranding } from '../portal/branding';
import { noQuery } from '../../../shared/contracts/fields';
import { parseQuery } from '../validation/parse';

export interface BrandingRequest {
  query: Record<string, unknown>;
  request: { headers: Record<string, string | string[] | undefined> };
  body: unknown;
  status: number;
  set(field: string, value: string): void;
}

const branding = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: BrandingRequest) {
    parseQuery(noQuery, ctx.query);
    const body: GetPublicBrandingResponse = { data: await loadPublicBranding(strapi) };
    // The tag is the body's own hash, so a new logo file changes it as surely as a new colour.
    const etag = etagOf(body);
    // Every page view of the portal asks for the brand: no-cache lets it keep a copy and revalidate
    // it for the price of a 304, and staff see their change at the next revalidation.
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('ETag', etag);
    if (matchesIfNoneMatch(ctx.request.headers['if-none-match'], etag)) {
      ctx.status = 304;
      return;
    }
    ctx.body = body;
  },
});

export default branding;
