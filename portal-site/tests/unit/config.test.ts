import { describe, expect, it } from 'vitest';

import { readConfig } from '../../src/lib/server/config';

describe('portal configuration from the environment', () => {
  it('has working local defaults', () => {
    expect(readConfig({})).toEqual({
      strapiUrl: 'http://127.0.0.1:1337',
      publicUrl: 'http://localhost:4321',
      strapiTimeoutMs: 5000,
      production: false,
    });
  });

  it('normalises trailing slashes and reads production mode', () => {
    const config = readConfig({
      STRAPI_URL: 'http://strapi:1337/',
      PUBLIC_URL: 'https://portal.firm.example/',
      NODE_ENV: 'production',
      STRAPI_TIMEOUT_MS: '2500',
    });
    expect(config).toEqual({
      strapiUrl: 'http://strapi:1337',
      publicUrl: 'https://portal.firm.example',
      strapiTimeoutMs: 2500,
      production: true,
    });
  });

  it.each([
    [{ STRAPI_URL: '/cms' }, /STRAPI_URL must be an absolute URL/],
    [{ STRAPI_URL: 'strapi:1337' }, /STRAPI_URL must use http or https/],
    [{ PUBLIC_URL: 'ftp://portal.firm.example' }, /PUBLIC_URL must use http or https/],
    [{ STRAPI_TIMEOUT_MS: 'soon' }, /STRAPI_TIMEOUT_MS must be a positive whole number/],
    [{ STRAPI_TIMEOUT_MS: '0' }, /STRAPI_TIMEOUT_MS/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
