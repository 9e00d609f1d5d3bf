import { describe, expect, it } from 'vitest';

import { readConfig } from '../../src/lib/server/config';

describe('portal configuration from the environment', () => {
  it('has working local defaults', () => {
    expect(readConfig({})).toEqual({
      strapiUrl: 'http://127.0.0.1:1337',
      publicUrl: 'http://localhost:4321',
      strapiTimeoutMs: 5000,
      production: false,
      session: { store: 'file', dir: '.data/sessions', redisUrl: null, idleMinutes: 30, absoluteHours: 8 },
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
      session: { store: 'file', dir: '.data/sessions', redisUrl: null, idleMinutes: 30, absoluteHours: 8 },
    });
  });

  it('shares sessions through Redis when REDIS_URL is set', () => {
    expect(readConfig({ REDIS_URL: 'redis://cache:6379/2' }).session).toMatchObject({ store: 'redis', redisUrl: 'redis://cache:6379/2' });
    expect(readConfig({ REDIS_URL: 'redis://cache:6379/2', SESSION_STORE: 'memory' }).session.store).toBe('memory');
  });

  it.each([
    [{ STRAPI_URL: '/cms' }, /STRAPI_URL must be an absolute URL/],
    [{ STRAPI_URL: 'strapi:1337' }, /STRAPI_URL must use http or https/],
    [{ PUBLIC_URL: 'ftp://portal.firm.example' }, /PUBLIC_URL must use http or https/],
    [{ STRAPI_TIMEOUT_MS: 'soon' }, /STRAPI_TIMEOUT_MS must be a positive whole number/],
    [{ STRAPI_TIMEOUT_MS: '0' }, /STRAPI_TIMEOUT_MS/],
    [{ SESSION_STORE: 'cookie' }, /SESSION_STORE must be memory, file or redis/],
    [{ SESSION_STORE: 'redis' }, /SESSION_STORE=redis needs REDIS_URL/],
    [{ REDIS_URL: 'http://cache:6379' }, /REDIS_URL must start with redis:\/\//],
    [{ SESSION_IDLE_MINUTES: 'never' }, /SESSION_IDLE_MINUTES must be a positive number of minutes/],
    [{ SESSION_ABSOLUTE_HOURS: '-1' }, /SESSION_ABSOLUTE_HOURS must be a positive number of hours/],
    [{ SESSION_IDLE_MINUTES: '600', SESSION_ABSOLUTE_HOURS: '2' }, /cannot be longer than SESSION_ABSOLUTE_HOURS/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
