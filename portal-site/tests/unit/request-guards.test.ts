import { describe, expect, it } from 'vitest';

import { canonicalAnswer, isSameOriginWrite } from '../../src/lib/server/request-guards';

const PUBLIC = 'https://portal.firm.example';
const post = (headers: Record<string, string>) => new Request('http://10.0.0.5:4321/account', { method: 'POST', headers });
const here = new URL('http://10.0.0.5:4321/account');

describe('cross-site writes', () => {
  it('accepts a post from the portal itself, under its own or its canonical origin', () => {
    expect(isSameOriginWrite(post({ origin: 'http://10.0.0.5:4321' }), here, PUBLIC)).toBe(true);
    expect(isSameOriginWrite(post({ origin: PUBLIC }), here, PUBLIC)).toBe(true);
    expect(isSameOriginWrite(post({ referer: `${PUBLIC}/account` }), here, PUBLIC)).toBe(true);
  });

  it('refuses one from another site, an opaque origin, or with no origin at all', () => {
    expect(isSameOriginWrite(post({ origin: 'https://attacker.example' }), here, PUBLIC)).toBe(false);
    expect(isSameOriginWrite(post({ origin: 'null' }), here, PUBLIC)).toBe(false);
    expect(isSameOriginWrite(post({ referer: 'https://attacker.example/form' }), here, PUBLIC)).toBe(false);
    expect(isSameOriginWrite(post({ referer: 'not a url' }), here, PUBLIC)).toBe(false);
    expect(isSameOriginWrite(post({}), here, PUBLIC)).toBe(false);
  });

  it('lets reads through', () => {
    expect(isSameOriginWrite(new Request('http://10.0.0.5:4321/', { headers: { origin: 'https://attacker.example' } }), here, PUBLIC)).toBe(true);
  });
});

describe('the canonical address in production', () => {
  it("sends a read on another host name to PUBLIC_URL, keeping the path and query", () => {
    expect(canonicalAnswer(new URL('http://10.0.0.5:4321/invoices?status=paid'), 'GET', PUBLIC, true)).toEqual({
      kind: 'redirect',
      location: `${PUBLIC}/invoices?status=paid`,
    });
  });

  it('refuses a write on another host name, and passes the canonical host and the health probe', () => {
    expect(canonicalAnswer(new URL('http://10.0.0.5:4321/sign-in'), 'POST', PUBLIC, true)).toEqual({ kind: 'refuse' });
    expect(canonicalAnswer(new URL(`${PUBLIC}/sign-in`), 'POST', PUBLIC, true)).toEqual({ kind: 'pass' });
    expect(canonicalAnswer(new URL('http://10.0.0.5:4321/health'), 'GET', PUBLIC, true)).toEqual({ kind: 'pass' });
  });

  it('does nothing outside production', () => {
    expect(canonicalAnswer(new URL('http://127.0.0.1:4321/'), 'GET', PUBLIC, false)).toEqual({ kind: 'pass' });
  });
});
