#!/usr/bin/env node
/**
 * Rewrites docs/portal-api.md from PORTAL_ROUTES: the documentation test boots Strapi, calls every
 * route as a permitted contact and renders what it answered. Builds the plugin first when stale.
 */
import path from 'node:path';

import { buildIsStale } from './lib/build-state.mjs';
import { run } from './lib/run.mjs';

const root = path.resolve(import.meta.dirname, '..');
if (buildIsStale(root, 'plugin')) await run('npm', ['run', 'build', '-w', 'plugin-clientia'], { cwd: root });
await run(
  process.execPath,
  [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'integration', '--testPathPattern', 'portal-security-docs'],
  { cwd: root, env: { ...process.env, PORTAL_API_DOCS: 'write', STRAPI_TELEMETRY_DISABLED: 'true' } }
);
console.log('docs/portal-api.md written');
