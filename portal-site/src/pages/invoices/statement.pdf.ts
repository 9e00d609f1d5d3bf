import type { APIRoute } from 'astro';

import { streamDownload } from '../../lib/server/downloads';
import { portalPage } from '../../lib/server/portal-page';

/** The statement of account as a PDF, named in the contact's language. */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'billing' });
  if (page instanceof Response) return page;
  const asked = context.url.searchParams.get('currency');
  const currency = asked && /^[A-Z]{3}$/.test(asked) ? asked : undefined;
  let pdf;
  try {
    pdf = await page.api.statementPdf(currency);
  } catch (error) {
    return page.fail(error);
  }
  const today = new Date().toISOString().slice(0, 10);
  const name = page.t('statement.pdf.fileName', { currency: currency ?? page.me.activeClient.currency, date: today });
  return streamDownload(pdf, { filename: `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`, type: 'application/pdf' });
};
