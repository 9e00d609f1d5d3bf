import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { PUBLIC_ROUTES } from '../../src/routes/content-api/public';
import { renderPortalApiDoc, type Observed } from '../helpers/portal-api-doc';
import { buildSecurityWorld, hasId, isWrite, PORTAL_ROUTES, routeName, send, startSecurityApp, type SecurityWorld } from '../helpers/portal-probes';
import type { TestApp } from '../helpers/test-app';

const DOC = path.resolve(__dirname, '../../../../docs/portal-api.md');

/**
 * docs/portal-api.md lists every route of PORTAL_ROUTES with its capability, the roles it allows,
 * its request and the shape of a real answer. `node scripts/portal-api-docs.mjs` rewrites it.
 */
describe('portal API documentation', () => {
  let app: TestApp;
  let world: SecurityWorld;

  beforeAll(async () => {
    app = await startSecurityApp();
    world = await buildSecurityWorld(app);
  });
  afterAll(async () => app?.stop());

  it('describes every portal route as it is served', async () => {
    const observed = new Map<string, Observed>();
    for (const spec of PORTAL_ROUTES) {
      const id = hasId(spec) ? await (isWrite(spec) ? world.fresh(spec.idOf!, 'A') : world.standing(spec.idOf!, 'A')) : undefined;
      const response = await send(world, spec, { persona: 'ownerA', id });
      const contentType = String(response.headers['content-type'] ?? '');
      observed.set(routeName(spec), { status: response.status, contentType, body: contentType.includes('json') ? response.body : null });
    }
    const rendered = renderPortalApiDoc(PORTAL_ROUTES, observed, PUBLIC_ROUTES);
    if (process.env.PORTAL_API_DOCS === 'write') writeFileSync(DOC, rendered);
    const current = readFileSync(DOC, 'utf8');
    for (const spec of [...PORTAL_ROUTES, ...PUBLIC_ROUTES]) expect(current).toContain(`## ${spec.method} /api/clientia${spec.path}\n`);
    // Out of date: run `node scripts/portal-api-docs.mjs` and review the diff.
    expect(current).toBe(rendered);
  });
});
