import { describe, expect, it } from 'vitest';

import { safeNext } from '../../src/lib/server/sign-in-redirect';

describe('where a contact goes after signing in', () => {
  it('keeps a path of the portal, with its query and fragment', () => {
    expect(safeNext('/invoices?state=overdue')).toBe('/invoices?state=overdue');
    expect(safeNext('/contracts/abc/sign#consent')).toBe('/contracts/abc/sign#consent');
    expect(safeNext('/documents/../invoices')).toBe('/invoices');
  });

  it('never leaves the portal, however the address is spelled', () => {
    const attempts = [
      'https://evil.example/phish',
      '//evil.example/phish',
      '/\\evil.example/phish',
      '/\t/evil.example/phish',
      '/\n/evil.example/phish',
      '/\r\n/evil.example',
      '\t//evil.example',
      '/%09/evil.example/phish',
      'javascript:alert(1)',
      ' /invoices',
      'invoices',
      '',
      null,
      undefined,
    ];
    for (const attempt of attempts) {
      const next = safeNext(attempt);
      expect({ attempt, origin: new URL(next, 'https://portal.firm.example').origin }).toEqual({ attempt, origin: 'https://portal.firm.example' });
    }
    // A tab or newline would have been dropped by the browser into `//evil.example`; none is kept.
    expect(safeNext('/\t/evil.example/phish')).toBe('/');
    expect(safeNext('/\n/x')).toBe('/');
  });

  it('keeps nothing a Location header cannot carry', () => {
    for (const attempt of ['/x\u0000y', '/x\u007fy', '/a\rb', '/a\nb']) expect(safeNext(attempt)).toBe('/');
  });
});
