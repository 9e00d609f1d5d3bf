import type { APIRoute } from 'astro';

import { portalPage } from '../../../lib/server/portal-page';
import { streamDownload } from '../../../lib/server/downloads';

/** A shared document's file, fetched with the contact's own token and passed on unread. */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'documents' });
  if (page instanceof Response) return page;
  try {
    return streamDownload(await page.api.documentFile(context.params.id ?? ''));
  } catch (error) {
    return page.fail(error);
  }
};
