import { middlewarePlacementProblem, REQUIRED_MIDDLEWARES } from '../../src/middlewares/placement';

const STRAPI_DEFAULTS = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon'];

describe('the plugin’s middlewares in the app’s config/middlewares.ts', () => {
  it('accepts both before strapi::public, as names or as objects', () => {
    expect(middlewarePlacementProblem([...STRAPI_DEFAULTS, ...REQUIRED_MIDDLEWARES, 'strapi::public'])).toBeNull();
    expect(middlewarePlacementProblem([...STRAPI_DEFAULTS, ...REQUIRED_MIDDLEWARES.map((name) => ({ name })), 'strapi::public'])).toBeNull();
  });

  it('refuses an app that lists neither, naming both and the lines to add', () => {
    const problem = middlewarePlacementProblem([...STRAPI_DEFAULTS, 'strapi::public']);
    expect(problem).toContain('is missing plugin::clientia.portal-input and plugin::clientia.private-files');
    expect(problem).toContain("  'plugin::clientia.private-files',");
  });

  it('refuses one missing, and one placed after strapi::public (it would never see /uploads first)', () => {
    expect(middlewarePlacementProblem([...STRAPI_DEFAULTS, 'plugin::clientia.portal-input', 'strapi::public'])).toContain('is missing plugin::clientia.private-files');
    expect(middlewarePlacementProblem([...STRAPI_DEFAULTS, 'plugin::clientia.portal-input', 'strapi::public', 'plugin::clientia.private-files'])).toContain(
      "lists plugin::clientia.private-files after 'strapi::public'"
    );
  });
});
