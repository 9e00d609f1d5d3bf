import type { Core } from '@strapi/strapi';

import { hashToken, openSecret, passwordStamp, randomToken, sameSecret, sealSecret } from '../../src/sign-in/crypto';
import { placeOf } from '../../src/sign-in/place';
import { originOf, portalOrigin, requestContext, type SignInHttpContext } from '../../src/sign-in/request';

const fakeStrapi = (options: { keys?: string[]; portalUrl?: string; brandingUrl?: string | null } = {}) =>
  ({
    config: {
      get: (key: string) =>
        ({
          'server.app.keys': options.keys ?? ['first-key', 'second-key'],
          'plugin::clientia.trustedProxies': ['127.0.0.1', '::1'],
          'plugin::clientia.portalUrl': options.portalUrl ?? 'https://portal.config.example/',
        })[key],
    },
    db: { query: () => ({ findOne: async () => (options.brandingUrl === undefined ? null : { portalUrl: options.brandingUrl }) }) },
  }) as unknown as Core.Strapi;

const request = (peer: string, headers: Record<string, string> = {}): SignInHttpContext => ({ request: { headers }, req: { socket: { remoteAddress: peer } } });

describe('sign-in secrets', () => {
  it('makes tokens worth nothing to guess and stores only their hash', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
  });

  it('stamps a password hash so that any change of it shows', () => {
    expect(passwordStamp('$2a$10$abc')).toMatch(/^[0-9a-f]{32}$/);
    expect(passwordStamp('$2a$10$abc')).not.toBe(passwordStamp('$2a$10$abd'));
    expect(passwordStamp(null)).toBe(passwordStamp(''));
  });

  it('compares secrets of any length', () => {
    expect(sameSecret('a', 'a')).toBe(true);
    expect(sameSecret('a', 'b')).toBe(false);
    expect(sameSecret('a', 'aa')).toBe(false);
  });

  it('seals a secret that opens under the same keys, after a key rotation, and not when changed', () => {
    const strapi = fakeStrapi();
    const sealed = sealSecret(strapi, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret(strapi, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(openSecret(strapi, sealed)).toBe('JBSWY3DPEHPK3PXP');
    // A new key put first, the old one kept after it.
    expect(openSecret(fakeStrapi({ keys: ['new-key', 'first-key'] }), sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret(fakeStrapi({ keys: ['other-key'] }), sealed)).toBeNull();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = `${body!.slice(0, -2)}${body!.endsWith('A') ? 'B' : 'A'}${body!.slice(-1)}`;
    expect(openSecret(strapi, [version, iv, tag, flipped].join('.'))).toBeNull();
    expect(openSecret(strapi, 'plain text')).toBeNull();
    expect(() => sealSecret(fakeStrapi({ keys: [] }), 'x')).toThrow(/APP_KEYS/);
  });
});

describe('where a session is', () => {
  it.each([
    ['127.0.0.1', 'this computer'],
    ['::1', 'this computer'],
    ['10.1.2.3', 'a private network'],
    ['172.20.0.4', 'a private network'],
    ['192.168.178.20', 'a private network'],
    ['169.254.10.1', 'a private network'],
    ['fd12:3456::1', 'a private network'],
    ['fe80::1', 'a private network'],
    ['172.32.0.1', null],
    ['203.0.113.9', null],
    ['2001:db8::1', null],
    ['not an address', null],
    [null, null],
  ])('%s is %s', (ip, place) => {
    expect(placeOf(ip)).toBe(place);
  });
});

describe('what a request says about itself', () => {
  const strapi = fakeStrapi();

  it('believes the portal’s forwarded address and user agent only from a trusted proxy', () => {
    const headers = { 'x-forwarded-for': '198.51.100.7', 'x-clientia-user-agent': 'Firefox via the portal', 'user-agent': 'node' };
    expect(requestContext(request('127.0.0.1', headers), strapi)).toEqual({ ip: '198.51.100.7', userAgent: 'Firefox via the portal' });
    expect(requestContext(request('203.0.113.50', headers), strapi)).toEqual({ ip: '203.0.113.50', userAgent: 'node' });
    expect(requestContext(request('::ffff:127.0.0.1', { 'user-agent': 'curl\u0000/8' }), strapi)).toEqual({ ip: '127.0.0.1', userAgent: 'curl /8' });
  });

  it('takes the portal origin from the branding, else the config: never from a request', async () => {
    expect(await portalOrigin(fakeStrapi({ brandingUrl: 'https://brand.firm.example/x' }))).toBe('https://brand.firm.example');
    expect(await portalOrigin(fakeStrapi({ brandingUrl: null }))).toBe('https://portal.config.example');
    expect(await portalOrigin(fakeStrapi())).toBe('https://portal.config.example');
  });

  it('reads an origin only from an http(s) address without credentials', () => {
    expect(originOf('https://portal.example:8443/a?b')).toBe('https://portal.example:8443');
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('https://user:pw@portal.example')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
