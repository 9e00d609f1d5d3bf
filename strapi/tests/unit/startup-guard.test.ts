import type { Core } from '@strapi/strapi';

import app from '../../src';

describe('the reference app at start', () => {
  it('refuses to start when the Clientia plugin did not load, before any schema sync', () => {
    const strapi = { plugin: () => undefined } as unknown as Core.Strapi;
    expect(() => app.register({ strapi })).toThrow(/Clientia plugin is not loaded.*build:plugin/);
  });

  it('starts when the plugin is there', () => {
    const strapi = { plugin: (name: string) => (name === 'clientia' ? {} : undefined) } as unknown as Core.Strapi;
    expect(() => app.register({ strapi })).not.toThrow();
  });
});
