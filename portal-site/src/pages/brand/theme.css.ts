import type { APIRoute } from 'astro';

import { brandTheme, loadBranding } from '../../lib/server/branding';

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The firm's colours as CSS custom properties, served as a stylesheet so the CSP can forbid inline
 * styles. Pages link it with the colours' hash in the query, so a change shows at once.
 */
export const GET: APIRoute = async () => {
  const { branding } = await loadBranding();
  const theme = brandTheme(branding);
  const primary = HEX.test(theme.primary) ? theme.primary : '#1f3a5f';
  const accent = HEX.test(theme.accent) ? theme.accent : '#8a5a14';
  // html:root outranks the neutral defaults in the portal's own stylesheet, whatever the link order.
  return new Response(`html:root{--brand-primary:${primary};--brand-accent:${accent}}\n`, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
};
