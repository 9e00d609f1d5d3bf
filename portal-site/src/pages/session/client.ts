import type { APIRoute } from 'astro';

import { portalApi } from '../../lib/server/api';
import { field, readForm } from '../../lib/server/forms';
import { portalPage } from '../../lib/server/portal-page';
import { safeNext } from '../../lib/server/sign-in-redirect';
import { browserSessions, flash } from '../../lib/server/browser-session';

/**
 * The client switcher: a contact of several clients picks which one they are looking at. Only
 * clients among the contact's own memberships (as Strapi reports them) are accepted.
 */
export const POST: APIRoute = async (context) => {
  const page = await portalPage(context);
  if (page instanceof Response) return page;
  const form = await readForm(context.request);
  const wanted = form ? field(form, 'client', 100) : '';
  if (!page.me.memberships.some((membership) => membership.documentId === wanted)) {
    return new Response('Choose one of your organisations.', { status: 400 });
  }
  page.browserSession.data.clientId = wanted;
  // The language is chosen per organisation, so it follows the switch.
  page.browserSession.data.locale = (await portalApi(page.browserSession.data.jwt, wanted).preferences()).data.language;
  await browserSessions().save(page.browserSession);
  await flash(page.browserSession, { kind: 'success', key: 'flash.clientSwitched' });
  // Record pages belong to one client: after a switch, go back to the section, not the record.
  const next = safeNext(form ? field(form, 'next', 500) : '/');
  const section = '/' + (next.split(/[/?#]/)[1] ?? '');
  return context.redirect(section, 303);
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
