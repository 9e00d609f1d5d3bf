import { describe, expect, it } from 'vitest';

import { securityHeaders } from '../../src/lib/server/security-headers';

describe('security headers', () => {
  it('forbid framing, sniffing and inline scripts everywhere', () => {
    const headers = securityHeaders(false);
    const csp = headers['Content-Security-Policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('send HSTS only in production, where the portal is served over TLS', () => {
    expect(securityHeaders(false)['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders(true)['Strict-Transport-Security']).toMatch(/max-age=\d{7,}/);
  });
});
