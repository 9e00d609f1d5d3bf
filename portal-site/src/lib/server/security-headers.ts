/**
 * Headers every portal response carries. The CSP is sent as a header (not a meta tag) so it also
 * covers frame-ancestors; pages use no inline scripts and no inline styles (the brand colours come
 * from /brand/theme.css).
 */
export const securityHeaders = (production: boolean): Record<string, string> => ({
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  ...(production ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
});

/**
 * For a PDF the portal shows inside its own signing page: it may be framed by the portal and by
 * nothing else. Only framing is set in its CSP, because browsers render a PDF with a viewer of
 * their own that a page policy (object-src, sandbox) would block.
 */
export const framedDocumentHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
});
