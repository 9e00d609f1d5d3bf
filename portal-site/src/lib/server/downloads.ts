/**
 * A file from the portal API, streamed to the browser unread: always as an attachment (a PDF or
 * image shown inline would be rendered in the portal's origin), never sniffed, never cached.
 */
export const streamDownload = (upstream: Response, options: { filename?: string; fallbackName?: string; type?: string } = {}): Response => {
  const headers = new Headers({
    'content-type': upstream.headers.get('content-type') ?? options.type ?? 'application/octet-stream',
    'content-disposition': attachment(upstream.headers.get('content-disposition'), options),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  const length = upstream.headers.get('content-length');
  if (length) headers.set('content-length', length);
  return new Response(upstream.body, { status: 200, headers });
};

/** The portal's own name when it gives one; else upstream's disposition, forced to an attachment. */
const attachment = (disposition: string | null, options: { filename?: string; fallbackName?: string }) => {
  if (options.filename) return `attachment; filename="${options.filename}"`;
  if (disposition && /^\s*attachment\b/i.test(disposition)) return disposition;
  const name = (disposition ? /filename="([^"]+)"/i.exec(disposition)?.[1] : undefined) ?? options.fallbackName;
  return name ? `attachment; filename="${name}"` : 'attachment';
};
