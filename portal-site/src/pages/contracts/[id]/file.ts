import type { APIRoute } from 'astro';

import { portalPage } from '../../../lib/server/portal-page';

/** The contract's PDF, streamed from the API as a download under the contract's own number. */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'contracts' });
  if (page instanceof Response) return page;

  let upstream: Response;
  try {
    upstream = await page.api.contractFile(context.params.id ?? '');
  } catch (error) {
    return page.fail(error);
  }

  const headers = new Headers({
    'content-type': upstream.headers.get('content-type') ?? 'application/pdf',
    // Always a download, whatever the upstream said: a PDF shown inline would run in the portal's origin.
    'content-disposition': attachment(upstream.headers.get('content-disposition')),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  const length = upstream.headers.get('content-length');
  if (length) headers.set('content-length', length);
  return new Response(upstream.body, { status: 200, headers });
};

const attachment = (disposition: string | null) => {
  if (disposition && /^\s*attachment\b/i.test(disposition)) return disposition;
  const name = disposition ? /filename="([^"]+)"/i.exec(disposition)?.[1] : undefined;
  return `attachment; filename="${name ?? 'contract.pdf'}"`;
};
