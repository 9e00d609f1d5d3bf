import type { APIRoute } from 'astro';

import { brandAssetUpstream, loadBranding, type BrandAsset } from '../../lib/server/branding';
import { config } from '../../lib/server/config';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/x-icon', 'image/vnd.microsoft.icon']);

/**
 * The firm's logo and favicon, passed through from Strapi so clients never need to reach it.
 * Only raster images are passed on (an SVG could carry script).
 */
export const GET: APIRoute = async ({ params }) => {
  const asset = params.asset;
  if (asset !== 'logo' && asset !== 'favicon') return new Response(null, { status: 404 });
  const { branding } = await loadBranding();
  const upstream = brandAssetUpstream(branding, asset as BrandAsset);
  if (!upstream) return new Response(null, { status: 404 });
  let response: Response;
  try {
    response = await fetch(upstream, { signal: AbortSignal.timeout(config().strapiTimeoutMs) });
  } catch {
    return new Response(null, { status: 502 });
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!response.ok || !IMAGE_TYPES.has(type)) {
    await response.body?.cancel();
    return new Response(null, { status: 404 });
  }
  return new Response(response.body, {
    headers: { 'content-type': type, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
  });
};
