import type { APIRoute } from 'astro';

import { portalPage } from '../../../../../lib/server/portal-page';
import { streamDownload } from '../../../../../lib/server/downloads';

/** A file attached to a message, fetched with the contact's own token and passed on unread. */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'messages' });
  if (page instanceof Response) return page;
  const { id = '', messageId = '', key = '' } = context.params;
  try {
    return streamDownload(await page.api.attachment(id, messageId, key));
  } catch (error) {
    return page.fail(error);
  }
};
